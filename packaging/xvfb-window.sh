# Sourced by the checks of the window under Xvfb (check-x11-window.sh, window-memory.sh):
#   start_window BINARY DISPLAY
# starts Xvfb on DISPLAY, waits for it, and runs BINARY there on the bundled dataset with a
# home of its own (no saved state or autosave of the user's is read or written); $app is its
# process id. Both are stopped when the calling script exits.
start_window() {
  local binary=$1 display=$2
  Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp &
  xvfb=$!
  home=$(mktemp -d)
  app=
  trap 'kill $app $xvfb 2>/dev/null || true; rm -rf "$home"' EXIT
  export DISPLAY=$display
  unset WAYLAND_DISPLAY
  for _ in $(seq 50); do
    xwininfo -root >/dev/null 2>&1 && break
    sleep 0.2
  done
  HOME=$home XDG_DATA_HOME=$home GWR_CHARTS_AUTOSAVE_DIR=$home/autosave "$binary" &
  app=$!
}
