/* Tổng quan: draws the charts of the dashboard with Chart.js (vendored, no CDN) from the
 * JSON the page carries in <script id="dashboard-charts" type="application/json">.
 * Each <canvas data-chart="name"> gets the chart `builders[name]` makes; the same figures
 * are in the tables under each chart, so the page reads without JavaScript. */
(function () {
  "use strict";

  var source = document.getElementById("dashboard-charts");
  if (!source || typeof window.Chart === "undefined") {
    return;
  }
  var data = JSON.parse(source.textContent);
  var Chart = window.Chart;

  var RED = "#a50e0e";
  var GOLD = "#d4a017";
  var BLUE = "#1f5f99";
  var GREEN = "#2e7d32";
  var GREY = "#9e9e9e";
  var LIGHT_RED = "rgba(165, 14, 14, 0.25)";

  var integer = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 0 });
  var decimal = new Intl.NumberFormat("vi-VN", {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });

  function percent(value) {
    return value === null || value === undefined ? "—" : decimal.format(value) + "%";
  }

  Chart.defaults.locale = "vi-VN";
  if (window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches) {
    Chart.defaults.animation = false;
  }
  Chart.defaults.maintainAspectRatio = false;
  Chart.defaults.font.family = window.getComputedStyle(document.body).fontFamily;
  Chart.defaults.plugins.legend.position = "bottom";
  Chart.defaults.plugins.legend.labels.boxWidth = 12;

  function percentAxis() {
    return {
      min: 0,
      max: 100,
      ticks: {
        callback: function (value) {
          return integer.format(value) + "%";
        },
      },
    };
  }

  /* A horizontal bar of rates per organization, with «value/whole» in the tooltip. */
  function shares(series, label, color) {
    return {
      type: "bar",
      data: {
        labels: series.labels,
        datasets: [
          { label: label, data: series.ratio, backgroundColor: color, maxBarThickness: 22 },
        ],
      },
      options: {
        indexAxis: "y",
        scales: { x: percentAxis(), y: { ticks: { autoSkip: false } } },
        plugins: {
          legend: { display: false },
          tooltip: {
            callbacks: {
              label: function (context) {
                var i = context.dataIndex;
                return (
                  integer.format(series.value[i]) +
                  "/" +
                  integer.format(series.whole[i]) +
                  " (" +
                  percent(series.ratio[i]) +
                  ")"
                );
              },
            },
          },
        },
      },
    };
  }

  var builders = {
    admissions: function (series) {
      var datasets = [
        {
          type: "bar",
          label: "Kết nạp trong tháng",
          data: series.admitted,
          backgroundColor: LIGHT_RED,
          maxBarThickness: 32,
          order: 3,
        },
        {
          type: "line",
          label: "Kết nạp lũy kế",
          data: series.cumulative,
          borderColor: RED,
          backgroundColor: RED,
          order: 1,
        },
      ];
      if (series.target) {
        datasets.push({
          type: "line",
          label: "Tiến độ bình quân (chỉ tiêu " + integer.format(series.target) + ")",
          data: series.planned,
          borderColor: GOLD,
          backgroundColor: GOLD,
          borderDash: [6, 4],
          pointRadius: 0,
          order: 2,
        });
      }
      return {
        type: "bar",
        data: { labels: series.labels, datasets: datasets },
        options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
      };
    },

    seat_fill: function (series) {
      return shares(series, "Tỷ lệ bố trí ủy viên BCH", RED);
    },

    card_exchange: function (series) {
      return shares(series, "Tỷ lệ đổi thẻ", BLUE);
    },

    vacancies: function (series) {
      function stack(label, values, color) {
        return {
          label: label,
          data: values,
          backgroundColor: color,
          stack: "plan",
          maxBarThickness: 22,
        };
      }
      return {
        type: "bar",
        data: {
          labels: series.labels,
          datasets: [
            stack("Tự đảm bảo", series.self_sourced, GREEN),
            stack("Cần tăng cường, biệt phái, điều động", series.needs_support, GOLD),
            stack("Chưa có phương án", series.unplanned, GREY),
          ],
        },
        options: {
          indexAxis: "y",
          scales: {
            x: { stacked: true, beginAtZero: true, ticks: { precision: 0 } },
            y: { stacked: true, ticks: { autoSkip: false } },
          },
        },
      };
    },

    trend_rates: function (series) {
      function line(label, values, color) {
        return {
          label: label,
          data: values,
          borderColor: color,
          backgroundColor: color,
          spanGaps: false,
        };
      }
      return {
        type: "line",
        data: {
          labels: series.labels,
          datasets: [
            line("Bố trí ủy viên BCH cấp xã", series.seats_executive, RED),
          ],
        },
        options: {
          scales: { y: percentAxis() },
          plugins: {
            tooltip: {
              callbacks: {
                label: function (context) {
                  return context.dataset.label + ": " + percent(context.parsed.y);
                },
              },
            },
          },
        },
      };
    },

    trend_counts: function (series) {
      return {
        type: "bar",
        data: {
          labels: series.labels,
          datasets: [
            {
              type: "bar",
              label: "Đảng viên",
              data: series.members,
              backgroundColor: LIGHT_RED,
              borderColor: RED,
              borderWidth: 1,
              maxBarThickness: 48,
              yAxisID: "y",
              order: 2,
            },
            {
              type: "line",
              label: "Thiếu khuyết (theo hướng dẫn của TW)",
              data: series.vacancies,
              borderColor: GOLD,
              backgroundColor: GOLD,
              yAxisID: "y1",
              order: 1,
            },
          ],
        },
        options: {
          scales: {
            y: { beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: "Đảng viên" } },
            y1: {
              beginAtZero: true,
              position: "right",
              grid: { drawOnChartArea: false },
              ticks: { precision: 0 },
              title: { display: true, text: "Chỗ thiếu" },
            },
          },
        },
      };
    },
  };

  var series = {
    admissions: data.admissions,
    seat_fill: data.seat_fill,
    card_exchange: data.card_exchange,
    vacancies: data.vacancies,
    trend_rates: data.trend,
    trend_counts: data.trend,
  };

  document.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
    var name = canvas.getAttribute("data-chart");
    if (builders[name] && series[name]) {
      canvas.chart = new Chart(canvas, builders[name](series[name]));
    }
  });
})();
