/* agon/version.h - the version of the headers in use, the one place it is
 * written: included by agon/version.hpp (C++) and agon.h (C). Plain C. */
#ifndef AGON_VERSION_H
#define AGON_VERSION_H

#define AGON_VERSION_MAJOR 0
#define AGON_VERSION_MINOR 1
#define AGON_VERSION_PATCH 0
/** "MAJOR.MINOR.PATCH" of the headers in use. */
#define AGON_VERSION_STRING "0.1.0"
/** One number for comparisons: major*10000 + minor*100 + patch. */
#define AGON_VERSION_NUMBER (AGON_VERSION_MAJOR * 10000 + AGON_VERSION_MINOR * 100 + AGON_VERSION_PATCH)

#endif /* AGON_VERSION_H */
