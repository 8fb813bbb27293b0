/// What every page script starts with: script errors counted in `body[data-errors]` and shown in
/// `#status`, and `element`, which makes elements whose strings go in as text nodes (nothing from the data
/// is ever parsed as HTML). ``MapScript`` and ``DashboardScript`` follow it in one file each.
enum PageScriptBasics {
    static let text = #"""
    "use strict";
    const body = document.body;
    let errors = 0;
    function noteError(message) {
      errors += 1;
      body.dataset.errors = String(errors);
      const status = document.getElementById("status");
      status.className = "error";
      status.textContent = message;
    }
    window.addEventListener("error", (event) => noteError(event.message));
    window.addEventListener("unhandledrejection", (event) => noteError(String(event.reason && event.reason.message || event.reason)));
    body.dataset.errors = "0";

    // Elements are made here and strings go in as text nodes (append never parses HTML); null children
    // are left out.
    function element(tag, className, ...children) {
      const node = document.createElement(tag);
      if (className) node.className = className;
      node.append(...children.filter((child) => child !== null && child !== undefined).map((child) => child instanceof Node ? child : String(child)));
      return node;
    }
    function muted(value) { return element("span", "muted", value); }

    """#
}
