/**
 * The report's browser script, inlined after chart.js: draws each chart of the embedded
 * `report-charts` JSON with the formatting callbacks JSON cannot carry (money, percent, a scatter
 * point's SKU), and makes each table's "CSV" button download the table. Plain ES2017, no imports:
 * the report opens offline from a file. It sets `window.reportReady` once every chart is drawn.
 */
export const CLIENT_SCRIPT = String.raw`(function () {
  "use strict";
  var whole = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
  var compact = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });
  var decimal = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });
  var formats = {
    money: { tick: function (v) { return compact.format(v); }, text: function (v) { return whole.format(v); } },
    percent: {
      tick: function (v) { return Math.round(v * 100) + " %"; },
      text: function (v) { return (v * 100).toFixed(1) + " %"; }
    },
    number: { tick: function (v) { return decimal.format(v); }, text: function (v) { return decimal.format(v); } }
  };
  function valueOf(context) {
    var parsed = context.parsed || {};
    var horizontal = context.chart.options.indexAxis === "y";
    return horizontal ? parsed.x : parsed.y;
  }
  function decorate(spec) {
    var options = spec.config.options || (spec.config.options = {});
    var scales = options.scales || (options.scales = {});
    ["x", "y"].forEach(function (axis) {
      var format = spec.formats[axis];
      if (!format || !scales[axis]) return;
      var ticks = scales[axis].ticks || (scales[axis].ticks = {});
      var logarithmic = scales[axis].type === "logarithmic";
      ticks.callback = function (value) {
        var number = Number(value);
        // A log axis labels its powers of ten only; the ticks between stay unlabelled.
        if (logarithmic) {
          var power = Math.log10(number);
          if (Math.abs(power - Math.round(power)) > 1e-9) return "";
        }
        return formats[format].tick(number);
      };
    });
    var plugins = options.plugins || (options.plugins = {});
    var tooltip = plugins.tooltip || (plugins.tooltip = {});
    var callbacks = tooltip.callbacks || (tooltip.callbacks = {});
    if (spec.formats.tooltip === "point") {
      callbacks.label = function (context) {
        var raw = context.raw;
        return raw.sku + ": " + whole.format(raw.x) + " a year, CV " + raw.y.toFixed(2);
      };
    } else if (spec.formats.tooltip) {
      var format = formats[spec.formats.tooltip];
      callbacks.label = function (context) {
        return context.dataset.label + ": " + format.text(valueOf(context));
      };
    }
  }
  function csvCell(text) {
    return /[",\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }
  function downloadTable(button) {
    var table = document.getElementById(button.getAttribute("data-csv-table"));
    var lines = [];
    table.querySelectorAll("tr").forEach(function (row) {
      var cells = [];
      row.querySelectorAll("th, td").forEach(function (cell) {
        var value = cell.hasAttribute("data-value") ? cell.getAttribute("data-value") : cell.textContent.trim();
        cells.push(csvCell(value));
      });
      lines.push(cells.join(","));
    });
    var blob = new Blob([lines.join("\n") + "\n"], { type: "text/csv" });
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = button.getAttribute("data-csv-name");
    document.body.appendChild(link);
    link.click();
    link.remove();
  }
  document.querySelectorAll("button[data-csv-table]").forEach(function (button) {
    button.addEventListener("click", function () { downloadTable(button); });
  });
  var specs = JSON.parse(document.getElementById("report-charts").textContent);
  specs.forEach(function (spec) {
    decorate(spec);
    new Chart(document.getElementById(spec.id), spec.config);
  });
  window.reportReady = true;
})();
`;
