using CaseManager.Application.BreakGlass;
using CaseManager.Application.BreakGlass.ListBreakGlassGrants;
using CaseManager.Domain.Sharing;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManager.Web.Pages.Governance.BreakGlass;

public sealed class BreakGlassReviewsModel(ISender sender, LocalTime time) : PageModel
{
    private const int PageSize = 25;

    public IReadOnlyList<GrantRow> Grants { get; private set; } = [];

    public int Total { get; private set; }

    public Pagination? Pages { get; private set; }

    public async Task OnGetAsync([FromQuery(Name = "page")] int pageNumber = 1, CancellationToken cancellationToken = default)
    {
        var grants = await sender.Send(new ListBreakGlassGrantsQuery(Page: Math.Max(pageNumber, 1), PageSize: PageSize), cancellationToken);
        Grants = grants.Items.Select(ToRow).ToList();
        Total = grants.Total;
        Pages = Pagination.For(grants, "Pages of break-glass uses", page => $"?page={page}");
    }

    private GrantRow ToRow(BreakGlassView grant)
    {
        var (status, tagClass) = grant.ReviewOutcome switch
        {
            null => ("Awaiting review", "govuk-tag--orange"),
            nameof(BreakGlassReviewOutcome.Justified) => ("Justified", "govuk-tag--green"),
            _ => ("Not justified", "govuk-tag--red"),
        };
        return new GrantRow(
            time.DateAndTime(grant.GrantedAt),
            grant.UserName ?? "A user no longer held",
            grant.UserAgency,
            grant.PersonName ?? "A person no longer held",
            $"/governance/audit?Input.PersonId={grant.PersonId}",
            SchemeNames.Of<RiskCategory>(grant.RiskCategory),
            grant.Justification,
            (grant.Live ? "Until " : "Ended ") + time.DateAndTime(grant.ExpiresAt),
            status,
            tagClass,
            $"/governance/break-glass/{grant.Id}/review",
            grant.ReviewOutcome is null ? "Review" : "View");
    }
}

/// <summary>One break-glass use as the review list shows it.</summary>
public sealed record GrantRow(
    string GrantedAt,
    string UserName,
    string Agency,
    string PersonName,
    string PersonAuditHref,
    string Risk,
    string Justification,
    string Access,
    string Status,
    string StatusTagClass,
    string ReviewHref,
    string ReviewLinkText);
