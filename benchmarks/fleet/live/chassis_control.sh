#!/bin/sh
# ipmi_sim chassis_control helper: <prog> <mc> get <item>... | set <item> <value>...
if [ "$2" = get ]; then
  shift 2
  for item in "$@"; do
    case "$item" in
      power) echo power:1 ;;
      boot) echo boot:none ;;
    esac
  done
fi
exit 0
