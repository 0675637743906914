require "socket"
