using CaseManager.Application.Cases;
using CaseManager.Application.Cases.Exits.ApproveExit;
using CaseManager.Application.Cases.Exits.GetExitEvidence;
using CaseManager.Application.Cases.Exits.RejectExit;
using CaseManager.Application.Cases.GetCase;
using CaseManager.Application.Common.Security;
using CaseManager.Domain.Cases;
using CaseManager.Web.Errors;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManager.Web.Pages.Cases.Exits;

/// <summary>
/// A manager approves or rejects an exit nomination (ApproveExitCommand, RejectExitCommand). Whoever nominated
/// sees why they cannot decide instead of a form (four eyes, DOMAIN.md IOM6). Above the decision the page shows the
/// evidence (GetExitEvidenceQuery): the last three months of work with the person, or with the household's members
/// for a family case, adverse work marked with a tag, and the case's reviews.
/// </summary>
public sealed class DecideExitModel(ISender sender, ICurrentUser currentUser, LocalTime time) : PageModel, IReloadablePage
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public DecisionInput Input { get; set; } = new();

    public CaseView Case { get; private set; } = null!;

    public IReadOnlyList<SummaryRow> Nomination { get; private set; } = [];

    public ExitEvidence Evidence { get; private set; } = null!;

    /// <summary>Whom the case is about, in words: the person, the family's household, or that the reader may not see them.</summary>
    public string Subject => (Evidence.IsFamilyCase, Evidence.SubjectName) switch
    {
        (true, { } household) => $"Family case: {household}",
        (true, null) => "Family case",
        (false, { } person) => person,
        _ => "Person not shared with you",
    };

    public string Period => $"{LocalTime.Date(Evidence.From)} to {LocalTime.Date(Evidence.To)}";

    /// <summary>The count of adverse work in words, such as "2 adverse records: 1 positive drug test, 1 arrest".</summary>
    public string AdverseSummary
    {
        get
        {
            if (Evidence.AdverseCount == 0)
            {
                return "Nothing adverse was recorded in this period that you can see.";
            }

            var kinds = Evidence.Work.Where(w => w.Adverse is not null).GroupBy(w => w.Adverse!)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => $"{g.Count()} {AdverseName(g.Key).ToLowerInvariant()}");
            return $"{Evidence.AdverseCount} adverse {(Evidence.AdverseCount == 1 ? "record" : "records")}: {string.Join(", ", kinds)}.";
        }
    }

    /// <summary>Why this user cannot decide, when they cannot.</summary>
    public string? CannotDecide { get; private set; }

    public string CaseHref => $"/cases/{Id}";

    public IReadOnlyList<SelectListItem> DecisionItems { get; } =
        [new("Approve: the person leaves the scheme", nameof(ExitDecision.Approved)), new("Reject: the case stays active", nameof(ExitDecision.Rejected))];

    public Task OnGetAsync(CancellationToken cancellationToken) => ReloadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await ReloadAsync(cancellationToken);
        if (CannotDecide is not null)
        {
            return Page();
        }

        if (Input.Decision is null)
        {
            ModelState.AddModelError("Input.Decision", "Select whether to approve or reject the nomination");
            return Page();
        }

        var note = string.IsNullOrWhiteSpace(Input.Note) ? null : Input.Note.Trim();
        if (Input.Decision == ExitDecision.Approved)
        {
            var exited = await sender.Send(new ApproveExitCommand(new CaseId(Id), note), cancellationToken);
            TempData["Success"] = $"Exit approved: {exited.PersonName ?? "the person"} has left the scheme";
        }
        else
        {
            await sender.Send(new RejectExitCommand(new CaseId(Id), note), cancellationToken);
            TempData["Success"] = "Exit nomination rejected: the case is active again";
        }

        return Redirect(CaseHref);
    }

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        Case = await sender.Send(new GetCaseQuery(new CaseId(Id)), cancellationToken);
        Evidence = await sender.Send(new GetExitEvidenceQuery(new CaseId(Id)), cancellationToken);
        var actor = currentUser.Actor;
        Nomination = Case.PendingExitNomination is { } waiting ? CaseDetailsModel.NominationRows(waiting, time) : [];
        CannotDecide = Case.PendingExitNomination switch
        {
            null => "This case has no exit nomination waiting for a decision.",
            { } pending when pending.NominatedBy == actor.UserId => "You nominated this exit, so another manager must decide it. This keeps two people involved in every exit.",
            _ when Case.OwnerAgency != actor.Agency?.Value => $"Only a manager of {Case.OwnerAgency}, which owns this case, can decide this nomination.",
            _ => null,
        };
    }

    /// <summary>The tag that marks adverse work: words, not colour alone.</summary>
    public static string AdverseName(string adverse) => adverse switch
    {
        ExitEvidenceRules.PositiveDrugTest => "Positive drug test",
        ExitEvidenceRules.Arrest => "Arrest",
        ExitEvidenceRules.BreachAction => "Breach action",
        ExitEvidenceRules.NewOffence => "New offence",
        _ => adverse,
    };

    public static string ReviewKindName(string kind) => kind switch
    {
        nameof(Domain.Reviews.ReviewKind.ExitDecision) => "Exit decision",
        nameof(Domain.Reviews.ReviewKind.Consent) => "Consent review",
        _ => "Scheme review",
    };

    public static (string Text, string TagClass) ReviewStatus(string status) => status switch
    {
        nameof(Domain.Reviews.ReviewStatus.Completed) => ("Completed", "govuk-tag--green"),
        nameof(Domain.Reviews.ReviewStatus.Cancelled) => ("Cancelled", "govuk-tag--grey"),
        _ => ("Open", "govuk-tag--blue"),
    };
}

public sealed class DecisionInput
{
    public ExitDecision? Decision { get; set; }

    public string? Note { get; set; }
}
