using CaseManager.Application.Cases.ListCases;
using CaseManager.Application.Common.Security;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.Cases;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManager.Web.Pages.Cases.Exits;

/// <summary>A manager's exit queue: their agency's cases nominated for exit, oldest case first.</summary>
public sealed class ExitQueueModel(ISender sender, ICurrentUser currentUser) : PageModel
{
    public IReadOnlyList<ExitQueueRow> Rows { get; private set; } = [];

    public Pagination? Pages { get; private set; }

    public string Agency => currentUser.Actor.Agency?.Value ?? string.Empty;

    public async Task OnGetAsync([FromQuery(Name = "page")] int pageNumber = 1, CancellationToken cancellationToken = default)
    {
        var page = await sender.Send(
            new ListCasesQuery(Status: CaseStatus.ExitNominated, OwnerAgency: Agency, Sort: CaseSort.StartDate, Descending: false, Page: Math.Max(pageNumber, 1)),
            cancellationToken);
        Rows = page.Items.Select(c => new ExitQueueRow(
            $"/cases/{c.Id}/exit-decision",
            c.PersonName ?? "Person not shared with you",
            SchemeNames.Of<Scheme>(c.Scheme),
            CaseWords.CohortAndTier(c.Cohort, c.Tier) ?? string.Empty,
            c.AllocatedToName ?? "Not allocated",
            LocalTime.Date(c.StartDate))).ToList();
        Pages = Pagination.For(page, "Pages of exit nominations", p => $"/cases/exits?page={p}");
    }
}

public sealed record ExitQueueRow(string DecideHref, string Person, string Scheme, string Cohort, string AllocatedTo, string StartDate);
