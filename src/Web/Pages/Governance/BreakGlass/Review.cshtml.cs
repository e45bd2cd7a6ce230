using CaseManager.Application.BreakGlass.GetBreakGlassGrant;
using CaseManager.Application.BreakGlass.ReviewBreakGlass;
using CaseManager.Domain.Sharing;
using CaseManager.Web.Errors;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManager.Web.Pages.Governance.BreakGlass;

public sealed class ReviewBreakGlassModel(ISender sender, LocalTime time) : PageModel, IReloadablePage
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public ReviewInput Input { get; set; } = new();

    public IReadOnlyList<SummaryRow> Grant { get; private set; } = [];

    public IReadOnlyList<SummaryRow> Review { get; private set; } = [];

    public bool AwaitingReview { get; private set; }

    public string UserAuditHref { get; private set; } = string.Empty;

    public string PersonAuditHref { get; private set; } = string.Empty;

    public string PersonInformedHref => $"/break-glass/{Id}/person-informed";

    public Task OnGetAsync(CancellationToken cancellationToken) => ReloadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            await ReloadAsync(cancellationToken);
            return Page();
        }

        var grant = await sender.Send(
            new ReviewBreakGlassCommand(new BreakGlassGrantId(Id), Input.Outcome.OrUnselected(), Input.Note ?? string.Empty),
            cancellationToken);
        TempData["Success"] = $"Break-glass access of {time.DateAndTime(grant.GrantedAt)} marked {SchemeNames.Of<BreakGlassReviewOutcome>(grant.ReviewOutcome!).ToLowerInvariant()}";
        return RedirectToPage("/Governance/BreakGlass/Index");
    }

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        var grant = await sender.Send(new GetBreakGlassGrantQuery(new BreakGlassGrantId(Id)), cancellationToken);
        AwaitingReview = grant.ReviewOutcome is null;
        UserAuditHref = $"/governance/audit?Input.UserId={grant.UserId}";
        PersonAuditHref = $"/governance/audit?Input.PersonId={grant.PersonId}";
        Grant =
        [
            new("Used", time.DateAndTime(grant.GrantedAt)),
            new("By agency", grant.UserAgency),
            new("Risk", SchemeNames.Of<RiskCategory>(grant.RiskCategory)),
            new("Justification", grant.Justification),
            new("Access", (grant.Live ? "Until " : "Ended ") + time.DateAndTime(grant.ExpiresAt)),
            new("Person told", grant.PersonInformed switch
            {
                true => "Yes",
                false => $"No: {grant.PersonInformedNote}",
                null => "Not yet recorded",
            }),
        ];
        Review = grant.ReviewOutcome is null
            ? []
            :
            [
                new("Decision", SchemeNames.Of<BreakGlassReviewOutcome>(grant.ReviewOutcome)),
                new("Note", grant.ReviewNote),
                new("Reviewed", grant.ReviewedAt is { } at ? time.DateAndTime(at) : null),
            ];
    }
}

public sealed class ReviewInput
{
    public BreakGlassReviewOutcome? Outcome { get; set; }

    public string? Note { get; set; }
}
