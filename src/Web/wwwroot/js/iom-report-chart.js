// Draws the IOM report's offending chart from the figures the page carries in data-chart. The table above the
// chart holds the same numbers, so without JavaScript (or without Chart.js) nothing is lost: the chart stays hidden.
(function () {
  'use strict'

  function draw () {
    var figure = document.getElementById('offending-chart')
    if (!figure || typeof window.Chart !== 'function') {
      return
    }

    var data = JSON.parse(figure.getAttribute('data-chart'))
    figure.hidden = false
    // GOV.UK colours: dark blue for before entry, orange for since, both with enough contrast on white.
    new window.Chart(figure.querySelector('canvas'), {
      type: 'bar',
      data: {
        labels: data.labels,
        datasets: [
          { label: 'Offences per person-year in the 12 months before entry', data: data.before, backgroundColor: '#1d70b8' },
          { label: 'Offences per person-year since entry', data: data.since, backgroundColor: '#f47738' }
        ]
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: { y: { beginAtZero: true, title: { display: true, text: 'Offences per person-year' } } },
        plugins: { legend: { position: 'bottom' } }
      }
    })
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', draw)
  } else {
    draw()
  }
})()
