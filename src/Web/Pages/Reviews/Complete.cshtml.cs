using CaseManager.Application.Cases;
using CaseManager.Application.Cases.GetCase;
using CaseManager.Application.Reviews.CompleteReview;
using CaseManager.Domain.Cases;
using CaseManager.Domain.Reviews;
using CaseManager.Web.Errors;
using CaseManager.Web.TagHelpers;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManager.Web.Pages.Reviews;

/// <summary>
/// Records that a scheme review took place, with its date and a summary (CompleteReviewCommand); the next review is
/// then scheduled one interval after that date.
/// </summary>
public sealed class CompleteReviewModel(ISender sender, LocalTime time) : PageModel, IReloadablePage
{
    [BindProperty(SupportsGet = true)]
    public Guid CaseId { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid ReviewId { get; set; }

    [BindProperty]
    public CompleteReviewInput Input { get; set; } = new();

    public CaseView Case { get; private set; } = null!;

    public IReadOnlyList<SummaryRow> Summary { get; private set; } = [];

    public string CaseHref => $"/cases/{CaseId}";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await ReloadAsync(cancellationToken);
        Input.CompletedOn = DateParts.From(time.Today);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Input.ToCommand(ReviewId, ModelState) is not { } command)
        {
            await ReloadAsync(cancellationToken);
            return Page();
        }

        var completed = await sender.Send(command, cancellationToken);
        TempData["Success"] = $"Review recorded. The next review is due on {LocalTime.Date(completed.NextReviewDue)}.";
        return Redirect(CaseHref);
    }

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        Case = await sender.Send(new GetCaseQuery(new CaseId(CaseId)), cancellationToken);
        Summary =
        [
            new("Person", Case.PersonName ?? "Not shared with you"),
            new("Scheme", SchemeNames.Of<Domain.Agencies.Scheme>(Case.Scheme)),
            new("Review due", Case.NextReviewDue is { } due ? LocalTime.Date(due) : "None scheduled"),
        ];
    }
}

/// <summary>The "record a review" form, for a case review and a consent review alike.</summary>
public sealed class CompleteReviewInput
{
    public DateParts CompletedOn { get; set; } = new();

    public string? Summary { get; set; }

    /// <summary>The command for the review, or null with the date's error added to the model state.</summary>
    public CompleteReviewCommand? ToCommand(Guid reviewId, ModelStateDictionary modelState)
    {
        if (!CompletedOn.TryGetDate(out var completedOn))
        {
            modelState.AddModelError("Input.CompletedOn", "The date of the review must be a real date");
            return null;
        }

        return new CompleteReviewCommand(new ReviewId(reviewId), completedOn, string.IsNullOrWhiteSpace(Summary) ? null : Summary.Trim());
    }
}
