// The mark the app sets when its service list is in the DOM (ui/src/timing.rs): here
// the "list" is the static heading, there from the start.
performance.mark("thueringen:service-list");
