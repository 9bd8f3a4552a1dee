/* dossier: behaviour of generated pages.
 *
 * Works with Material's instant navigation (document$ emits on every page
 * load) and without it. Libraries are bundled (assets/vendor, from the npm
 * registry) and loaded only on pages that need them; nothing is fetched from
 * another site. Every feature has an HTML fallback on the page itself.
 */
(function () {
  "use strict";

  var here = document.currentScript ? document.currentScript.src : "";
  var vendor = here ? new URL("vendor/", here).href : "assets/vendor/";
  var loaded = {};

  function load(url, type) {
    if (!loaded[url]) {
      loaded[url] = new Promise(function (resolve, reject) {
        var el = document.createElement(type === "css" ? "link" : "script");
        if (type === "css") {
          el.rel = "stylesheet";
          el.href = url;
        } else {
          el.src = url;
        }
        el.onload = resolve;
        el.onerror = function () { reject(new Error("cannot load " + url)); };
        document.head.appendChild(el);
      });
    }
    return loaded[url];
  }

  /* A CSS custom property as an rgb()/rgba() colour (libraries do not all read #rrggbbaa). */
  function cssVar(name, fallback) {
    var probe = document.createElement("span");
    probe.style.color = "var(" + name + ", " + fallback + ")";
    probe.style.display = "none";
    document.body.appendChild(probe);
    var value = getComputedStyle(probe).color;
    probe.remove();
    return value || fallback;
  }

  function readJSON(el, attr) {
    try {
      return JSON.parse(el.getAttribute(attr));
    } catch (e) {
      return null;
    }
  }

  /* ---------------------------------------------------------- tables */

  function initTables(root) {
    root.querySelectorAll("table[data-sortable]").forEach(function (table) {
      if (!table.dataset.dxSorted && window.Tablesort) {
        table.dataset.dxSorted = "1";
        new window.Tablesort(table);
      }
      if (!table.dataset.dxFilter && table.tBodies.length && table.tBodies[0].rows.length > 8) {
        table.dataset.dxFilter = "1";
        addFilter(table);
      }
    });
  }

  /* A type-ahead filter above a long table: rows whose text holds every typed word stay. */
  function fold(text) {
    return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function addFilter(table) {
    var input = document.createElement("input");
    input.type = "search";
    input.className = "dx-filter";
    input.placeholder = table.dataset.filterLabel || "Filter";
    input.setAttribute("aria-label", input.placeholder);
    var status = document.createElement("p");
    status.className = "dx-filter-status";
    status.setAttribute("aria-live", "polite");
    var wrap = table.closest(".md-typeset__scrollwrap") || table;
    wrap.parentNode.insertBefore(input, wrap);
    wrap.parentNode.insertBefore(status, wrap);
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var texts = rows.map(function (row) { return fold(row.textContent); });
    input.addEventListener("input", function () {
      var words = fold(input.value).split(/\s+/).filter(Boolean);
      var shown = 0;
      rows.forEach(function (row, i) {
        var keep = words.every(function (w) { return texts[i].indexOf(w) !== -1; });
        row.hidden = !keep;
        if (keep) shown += 1;
      });
      status.textContent = words.length ? shown + " / " + rows.length : "";
    });
  }

  /* ---------------------------------------------------------- citations */

  function highlightTarget() {
    var id = decodeURIComponent((location.hash || "").slice(1).split(":~:")[0]);
    document.querySelectorAll(".dx-highlight").forEach(function (el) { el.classList.remove("dx-highlight"); });
    if (!id) return;
    var el = document.getElementById(id);
    if (el && el.classList.contains("dx-sentence")) {
      el.classList.add("dx-highlight");
      el.setAttribute("tabindex", "-1");
      el.scrollIntoView({ block: "center" });
      el.focus({ preventScroll: true });
    }
  }

  /* ---------------------------------------------------------- graph */

  function typeColour(type) {
    return cssVar("--dx-" + type, "#888");
  }

  function drawGraph(el, data) {
    var maxMentions = 1;
    var maxWeight = 1;
    // The whole graph gives mention counts; an entity page's neighbourhood their powers of two ("size").
    function amount(n) { return n.size != null ? n.size : n.mentions; }
    data.nodes.forEach(function (n) { maxMentions = Math.max(maxMentions, amount(n)); });
    data.edges.forEach(function (e) { maxWeight = Math.max(maxWeight, e.weight); });
    var elements = data.nodes.map(function (n) {
      return { data: { id: n.id, label: n.label, type: n.type, href: n.href, size: 14 + 36 * Math.sqrt(amount(n) / maxMentions), focus: n.id === data.focus ? 1 : 0 } };
    }).concat(data.edges.map(function (e, i) {
      return { data: { id: "e" + i, source: e.source, target: e.target, width: 1 + 5 * e.weight / maxWeight } };
    }));
    var fg = cssVar("--md-default-fg-color", "#333");
    var bg = cssVar("--md-default-bg-color", "#fff");
    var cy = window.cytoscape({
      container: el,
      elements: elements,
      style: [
        { selector: "node", style: {
          "background-color": function (n) { return typeColour(n.data("type")); },
          "label": "data(label)", "color": fg, "font-size": function (n) { return Math.max(9, n.data("size") / 3.2); },
          "text-valign": "bottom", "text-margin-y": 3,
          "text-background-color": bg, "text-background-opacity": 0.75, "text-background-padding": 1,
          "width": "data(size)", "height": "data(size)", "border-width": function (n) { return n.data("focus") ? 4 : 0; },
          "border-color": fg
        } },
        { selector: "node.dx-nolabel", style: { "label": "" } },
        { selector: "node.dx-hover", style: { "label": "data(label)", "z-index": 10 } },
        { selector: ".dx-faded", style: { "opacity": 0.15 } },
        { selector: "edge", style: { "width": "data(width)", "line-color": cssVar("--md-default-fg-color--lighter", "#bbb"), "opacity": 0.7 } },
        { selector: "node.dx-active", style: { "border-width": 4, "border-color": cssVar("--md-accent-fg-color", "#f50") } }
      ],
      layout: { name: "cose", animate: false, randomize: false, nodeRepulsion: 12000, idealEdgeLength: 90, nodeOverlap: 20 }
    });
    placeLabels(cy);
    var relabel = null;
    cy.on("zoom", function () { clearTimeout(relabel); relabel = setTimeout(function () { placeLabels(cy); }, 120); });
    // Hover or keyboard focus shows one entity's neighbourhood and fades the rest.
    function focus(node) {
      cy.elements().removeClass("dx-faded dx-hover");
      if (!node) return;
      var near = node.closedNeighborhood();
      cy.elements().not(near).addClass("dx-faded");
      near.nodes().addClass("dx-hover");
    }
    cy.on("mouseover", "node", function (evt) { focus(evt.target); });
    cy.on("mouseout", "node", function () { focus(null); });
    el.dxFocus = focus;
    if (el.hasAttribute("data-legend")) addLegend(el, cy, readJSON(el, "data-legend"));
    cy.on("tap", "node", function (evt) {
      var href = evt.target.data("href");
      if (href) location.assign(new URL(href, location.href).href);
    });
    // Keyboard: focus the graph, arrows move between entities, Enter opens, + and - zoom.
    var nodes = cy.nodes().sort(function (a, b) { return b.data("size") - a.data("size"); });
    var index = -1;
    el.setAttribute("tabindex", "0");
    var live = document.createElement("p");
    live.className = "dx-graph-status";
    live.setAttribute("aria-live", "polite");
    el.insertAdjacentElement("afterend", live);
    el.addEventListener("keydown", function (ev) {
      if (ev.key === "ArrowRight" || ev.key === "ArrowDown" || ev.key === "ArrowLeft" || ev.key === "ArrowUp") {
        ev.preventDefault();
        index = (index + (ev.key === "ArrowRight" || ev.key === "ArrowDown" ? 1 : nodes.length - 1)) % nodes.length;
        cy.nodes().removeClass("dx-active");
        var node = nodes[index];
        node.addClass("dx-active");
        focus(node);
        cy.center(node);
        live.textContent = node.data("label") + " (" + node.connectedEdges().length + ")";
      } else if (ev.key === "Enter" && index >= 0 && nodes[index].data("href")) {
        location.assign(new URL(nodes[index].data("href"), location.href).href);
      } else if (ev.key === "+" || ev.key === "=") {
        cy.zoom(cy.zoom() * 1.2);
      } else if (ev.key === "-") {
        cy.zoom(cy.zoom() / 1.2);
      }
    });
    el.dxGraph = cy;
    el.dataset.dxReady = "1";
  }

  /* Labels only where they fit: biggest nodes first, a label is hidden when its box would
     overlap one already shown (hover and zoom show the others). */
  function placeLabels(cy) {
    var shown = [];
    var nodes = cy.nodes(":visible").sort(function (a, b) { return b.data("size") - a.data("size"); });
    nodes.removeClass("dx-nolabel");
    nodes.forEach(function (n) {
      var box = n.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true });
      var clash = shown.some(function (b) { return box.x1 < b.x2 && b.x1 < box.x2 && box.y1 < b.y2 && b.y1 < box.y2; });
      if (clash) n.addClass("dx-nolabel");
      else shown.push(box);
    });
  }

  /* A legend that is also a filter: one switch per entity type, in the type's colour. */
  function addLegend(el, cy, labels) {
    var bar = document.createElement("div");
    bar.className = "dx-graph-legend";
    ["person", "organization", "place"].forEach(function (type) {
      var label = document.createElement("label");
      var box = document.createElement("input");
      box.type = "checkbox";
      box.checked = true;
      box.value = type;
      box.addEventListener("change", function () {
        cy.nodes('[type = "' + type + '"]').style("display", box.checked ? "element" : "none");
        placeLabels(cy);
      });
      var swatch = document.createElement("span");
      swatch.className = "dx-swatch dx-" + type;
      label.appendChild(box);
      label.appendChild(swatch);
      label.appendChild(document.createTextNode((labels && labels[type]) || type));
      bar.appendChild(label);
    });
    el.insertAdjacentElement("beforebegin", bar);
  }

  function graphTheme(cy) {
    var fg = cssVar("--md-default-fg-color", "#333");
    cy.style()
      .selector("node").style({ "color": fg, "border-color": fg })
      .selector("edge").style({ "line-color": cssVar("--md-default-fg-color--lighter", "#bbb") })
      .update();
  }

  function mapTheme(el) {
    el.dxWorld.setStyle({ color: cssVar("--md-default-fg-color--lighter", "#aaa"), fillColor: cssVar("--md-default-fg-color--lightest", "#eee") });
    var colour = typeColour("place");
    if (el.dxMarkers) el.dxMarkers.setStyle({ color: colour, fillColor: colour });
    if (el.dxAreas) el.dxAreas.setStyle({ color: colour });
    (el.dxFilled || []).forEach(function (f) {
      f.layer.setStyle({ fillColor: colour, fillOpacity: f.opacity, color: colour });
    });
  }

  /* Material switches light/dark by changing data-md-color-scheme on <body>: recolour what was drawn. */
  function watchScheme() {
    if (!window.MutationObserver || document.body.dataset.dxWatched) return;
    document.body.dataset.dxWatched = "1";
    new MutationObserver(function () {
      document.querySelectorAll(".dx-graph").forEach(function (el) { if (el.dxGraph) graphTheme(el.dxGraph); });
      document.querySelectorAll(".dx-map").forEach(function (el) { if (el.dxWorld) mapTheme(el); });
    }).observe(document.body, { attributes: true, attributeFilter: ["data-md-color-scheme"] });
  }

  function initGraphs(root) {
    var els = root.querySelectorAll(".dx-graph:not([data-dx-ready])");
    if (!els.length) return;
    load(vendor + "cytoscape/cytoscape.min.js").then(function () {
      els.forEach(function (el) {
        var inline = el.getAttribute("data-graph");
        if (inline) {
          var data = readJSON(el, "data-graph");
          if (data) drawGraph(el, data);
        } else if (el.getAttribute("data-graph-src")) {
          fetch(new URL(el.getAttribute("data-graph-src"), location.href).href)
            .then(function (r) { return r.json(); })
            .then(function (data) { drawGraph(el, data); });
        }
      });
    });
  }

  /* ---------------------------------------------------------- map */

  /* Rings that cross the antimeridian (Chukotka, Fiji) jump from 180 to -180 degrees, which a
     flat map draws as a band across the whole world: continue them past 180 instead. */
  function unwrapRing(ring) {
    var shift = 0;
    return ring.map(function (point, i) {
      if (i > 0) {
        var step = point[0] - ring[i - 1][0];
        if (step > 180) shift -= 360;
        else if (step < -180) shift += 360;
      }
      return [point[0] + shift, point[1]];
    });
  }

  function unwrapped(collection) {
    collection.features.forEach(function (f) {
      var g = f.geometry;
      if (!g || f.properties && f.properties.name === "Antarctica") return;
      if (g.type === "Polygon") g.coordinates = g.coordinates.map(unwrapRing);
      if (g.type === "MultiPolygon") g.coordinates = g.coordinates.map(function (poly) { return poly.map(unwrapRing); });
    });
    return collection;
  }

  /* The centre of a country's largest polygon: Russia's marker in Siberia, not on Moscow. */
  function outlineCentre(layer) {
    var best = null, most = -1;
    var geometry = layer.feature.geometry;
    var polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
    polygons.forEach(function (poly) {
      if (poly[0].length > most) { most = poly[0].length; best = poly[0]; }
    });
    return best ? window.L.latLngBounds(best.map(function (pt) { return [pt[1], pt[0]]; })).getCenter() : null;
  }

  function drawMap(el, places, world) {
    var L = window.L;
    var map = L.map(el, { attributionControl: false, worldCopyJump: true, minZoom: 1, maxZoom: 8 });
    map.setView([20, 0], 1);  // a view first: layers need one to draw
    el.dxWorld = L.geoJSON(unwrapped(window.topojson.feature(world, world.objects.countries)), {
      style: { color: cssVar("--md-default-fg-color--lighter", "#aaa"), weight: 0.6, fillColor: cssVar("--md-default-fg-color--lightest", "#eee"), fillOpacity: 1 }
    }).addTo(map);
    var outlines = {};
    el.dxWorld.eachLayer(function (layer) { if (layer.feature.id) outlines[layer.feature.id] = layer; });
    var colour = typeColour("place");
    var bounds = L.latLngBounds([]);
    var own = null;  // the page's own place: its area, else its point
    el.dxFilled = [];
    el.dxAreas = L.featureGroup().addTo(map);
    el.dxMarkers = L.featureGroup().addTo(map);  // recoloured with the scheme (mapTheme)
    places.forEach(function (p, i) {
      var at = L.latLng(p.lat, p.lon);
      var area = L.latLngBounds([]);
      (p.countries || []).forEach(function (code) {
        var layer = outlines[code];
        if (!layer) return;
        var opacity = p.self ? 0.45 : 0.12;
        layer.setStyle({ fillColor: colour, fillOpacity: opacity, color: colour });
        el.dxFilled.push({ layer: layer, opacity: opacity });
        area.extend(layer.getBounds());
        if (p.countries.length === 1) at = outlineCentre(layer) || at;
      });
      if (p.extent) {
        var east = p.extent[3] < p.extent[1] ? p.extent[3] + 360 : p.extent[3];  // across the 180th meridian
        var frame = L.rectangle([[p.extent[0], p.extent[1]], [p.extent[2], east]], {
          color: colour, weight: p.self ? 2 : 1, dashArray: "6 4", fill: false
        }).addTo(el.dxAreas);
        area.extend(frame.getBounds());
        at = frame.getBounds().getCenter();
      }
      var marker = L.circleMarker(at, {
        radius: p.self ? 9 : 4 + Math.min(8, p.weight), color: colour, fillColor: colour, fillOpacity: p.self ? 0.9 : 0.6
      }).addTo(el.dxMarkers);
      var label = document.createElement(p.href ? "a" : "span");
      label.textContent = p.name;
      if (p.href) label.href = p.href;
      // The page's own place and the most named others carry their names; the rest on hover.
      marker.bindTooltip(p.name, { permanent: p.self || i < 6, direction: "right", className: "dx-map-label" });
      marker.bindPopup(label);
      if (p.self) own = area.isValid() ? area : L.latLngBounds([at, at]);
      bounds.extend(at);
    });
    var padding = { paddingTopLeft: [20, 20], paddingBottomRight: [100, 20] };  // room for labels
    if (own && own.getNorthEast().equals(own.getSouthWest())) {
      map.setView(own.getCenter(), 4);
    } else if (own) {
      map.fitBounds(own, Object.assign({ maxZoom: 5 }, padding));
    } else if (bounds.isValid() && !bounds.getNorthEast().equals(bounds.getSouthWest())) {
      map.fitBounds(bounds, Object.assign({ maxZoom: 5 }, padding));
    } else if (bounds.isValid()) {
      map.setView(bounds.getCenter(), 4);
    }
    el.dxMap = map;
    el.dataset.dxReady = "1";
  }

  function initMaps(root) {
    var els = root.querySelectorAll(".dx-map:not([data-dx-ready])");
    if (!els.length) return;
    Promise.all([
      load(vendor + "leaflet/leaflet.css", "css"),
      load(vendor + "leaflet/leaflet.js"),
      load(vendor + "topojson-client/topojson-client.min.js")
    ]).then(function () {
      return fetch(vendor + "world-atlas/countries-110m.json").then(function (r) { return r.json(); });
    }).then(function (world) {
      els.forEach(function (el) {
        var places = readJSON(el, "data-places");
        if (places) drawMap(el, places, world);
      });
    });
  }

  /* Material's search is a dialog without a name (axe-core: aria-dialog-name); it takes the input's. */
  function labelSearch() {
    var dialog = document.querySelector(".md-search[role=dialog]:not([aria-label])");
    var input = document.querySelector(".md-search__input");
    if (dialog) dialog.setAttribute("aria-label", (input && input.getAttribute("aria-label")) || "Search");
  }

  function init() {
    labelSearch();
    watchScheme();
    initTables(document);
    initGraphs(document);
    initMaps(document);
    highlightTarget();
  }

  window.addEventListener("hashchange", highlightTarget);
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
