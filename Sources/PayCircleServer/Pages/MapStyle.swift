/// The style of the map pages: a full-height map beside a panel; the hall screen in large type with high
/// contrast, to be read from across a hall.
enum MapStyle {
    static let text = """
    html, body { margin: 0; height: 100%; font-family: "Noto Sans CJK SC", "Noto Sans SC", "WenQuanYi Micro Hei", sans-serif; }
    main { display: flex; height: 100%; }
    #map { flex: 1; background: #f4f1ea; }
    #panel { width: 360px; padding: 16px 20px; overflow-y: auto; background: #fff; border-left: 1px solid #ccc; box-sizing: border-box; }
    h1 { font-size: 1.4em; margin: 0 0 8px; }
    h2 { font-size: 1.1em; margin: 16px 0 6px; }
    ol, ul { padding-left: 1.4em; margin: 0; }
    li { margin: 4px 0; }
    .badge { display: inline-block; padding: 0 6px; margin-left: 6px; border-radius: 4px; background: #1f4e9c; color: #fff; font-size: 0.8em; }
    .muted { color: #666; }
    .error { color: #b00020; font-weight: bold; }
    #controls label { display: block; margin: 6px 0; }
    .legend span { display: inline-block; width: 22px; height: 6px; margin: 0 4px 2px 8px; vertical-align: middle; }
    body.screen #panel { width: 42%; font-size: 28px; background: #0b2545; color: #fff; border: none; }
    body.screen h1 { font-size: 1.6em; }
    body.screen .muted { color: #c9d6ea; }
    body.screen .badge { background: #f4b400; color: #0b2545; }
    body.screen #summary { font-size: 1.3em; font-weight: bold; color: #f4b400; }
    .hours { display: flex; align-items: flex-end; gap: 2px; height: 64px; }
    .hourbar { width: 10px; background: #1f4e9c; }
    .hourbar.chosen { background: #f4b400; }
    body.dashboard { height: auto; padding: 12px 20px; background: #0b2545; color: #fff; }
    body.dashboard .muted { color: #9fb3d1; }
    body.dashboard main { height: 420px; gap: 16px; }
    body.dashboard #side { width: 380px; overflow-y: auto; }
    .tiles { display: flex; flex-wrap: wrap; gap: 10px; margin: 8px 0 12px; }
    .tile { background: #13315c; padding: 8px 12px; border-radius: 6px; min-width: 120px; }
    .tile .big, .big { display: block; font-size: 1.8em; font-weight: bold; }
    table { border-collapse: collapse; width: 100%; }
    th, td { padding: 4px 8px; border-bottom: 1px solid #2a4a7a; text-align: left; }
    tr.stale td { color: #9fb3d1; font-style: italic; }
    .charts { display: flex; flex-wrap: wrap; gap: 16px; }
    .charts figure { margin: 12px 0; background: #13315c; padding: 8px; border-radius: 6px; width: 300px; }
    .charts svg { width: 100%; height: 120px; }
    .bar { fill: #f4b400; }
    """
}
