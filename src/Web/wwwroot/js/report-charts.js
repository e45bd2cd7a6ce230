// Draws each report breakdown's bar chart from the figures its figure element carries in data-chart, and shows the
// "Print this report" link. Every chart has a table with the same numbers below it, so without JavaScript (or
// without Chart.js) nothing is lost: the charts stay hidden and the browser's own print works as well.
(function () {
  'use strict'

  function draw () {
    if (typeof window.Chart === 'function') {
      document.querySelectorAll('figure.cm-chart[data-chart]').forEach(function (figure) {
        var data = JSON.parse(figure.getAttribute('data-chart'))
        figure.hidden = false
        // GOV.UK dark blue: enough contrast on white. Suppressed figures are null and draw no bar.
        new window.Chart(figure.querySelector('canvas'), {
          type: 'bar',
          data: { labels: data.labels, datasets: [{ label: data.label, data: data.values, backgroundColor: '#1d70b8' }] },
          options: {
            responsive: true,
            maintainAspectRatio: false,
            animation: false,
            scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
            plugins: { legend: { display: false } }
          }
        })
      })
    }

    document.querySelectorAll('.cm-print-link').forEach(function (link) {
      link.hidden = false
      link.addEventListener('click', function (event) {
        event.preventDefault()
        window.print()
      })
    })
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', draw)
  } else {
    draw()
  }
})()
