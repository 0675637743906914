# Install: the C library and header, the agon program, the Lua module, the
# command reference, a CMake package (agon::agon) and agon.pc.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set_target_properties(agon_shared PROPERTIES EXPORT_NAME agon)
install(TARGETS agon_shared EXPORT agonTargets
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT runtime NAMELINK_COMPONENT dev
        INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(FILES ${PROJECT_SOURCE_DIR}/bindings/c/agon.h DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} COMPONENT dev)
install(FILES ${PROJECT_SOURCE_DIR}/engine/include/agon/version.h DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/agon COMPONENT dev)
install(EXPORT agonTargets NAMESPACE agon:: DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/agon COMPONENT dev)
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/agonConfig.cmake.in
  ${PROJECT_BINARY_DIR}/agonConfig.cmake INSTALL_DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/agon)
write_basic_package_version_file(${PROJECT_BINARY_DIR}/agonConfigVersion.cmake COMPATIBILITY SameMajorVersion)
install(FILES ${PROJECT_BINARY_DIR}/agonConfig.cmake ${PROJECT_BINARY_DIR}/agonConfigVersion.cmake
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/agon COMPONENT dev)
file(RELATIVE_PATH AGON_PC_UP ${CMAKE_INSTALL_FULL_LIBDIR}/pkgconfig ${CMAKE_INSTALL_PREFIX})
string(REGEX REPLACE "/$" "" AGON_PC_UP "${AGON_PC_UP}")
configure_file(${PROJECT_SOURCE_DIR}/cmake/agon.pc.in ${PROJECT_BINARY_DIR}/agon.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/agon.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig COMPONENT dev)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/bindings/c/examples/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/examples COMPONENT dev)

if(TARGET agon)
  install(TARGETS agon RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT runtime)
  # The command reference, generated from the program's own --help.
  add_custom_command(OUTPUT ${PROJECT_BINARY_DIR}/agon-commands.txt
    COMMAND agon --help-all > ${PROJECT_BINARY_DIR}/agon-commands.txt
    DEPENDS agon VERBATIM)
  add_custom_target(agon_command_reference ALL DEPENDS ${PROJECT_BINARY_DIR}/agon-commands.txt)
  install(FILES ${PROJECT_BINARY_DIR}/agon-commands.txt DESTINATION ${CMAKE_INSTALL_DOCDIR} COMPONENT runtime)
endif()
if(TARGET agon-iccma)
  install(TARGETS agon-iccma RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT runtime)
endif()
if(TARGET agon_lua)
  install(TARGETS agon_lua LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}/lua/5.4 COMPONENT runtime)
endif()
install(FILES ${PROJECT_SOURCE_DIR}/README.md DESTINATION ${CMAKE_INSTALL_DOCDIR} COMPONENT runtime)

set(CPACK_PACKAGE_NAME agon)
set(CPACK_PACKAGE_CONTACT "agon maintainers")
set(CPACK_GENERATOR DEB)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
include(CPack)
