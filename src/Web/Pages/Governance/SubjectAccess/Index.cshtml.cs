using System.Globalization;
using CaseManager.Application.Auditing.ExportSubjectAccess;
using CaseManager.Application.Auditing.FindPeopleForGovernance;
using CaseManager.Domain.People;
using CaseManager.Web.Errors;
using FluentValidation;
using Mediator;
using CaseManager.Web.TagHelpers;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManager.Web.Pages.Governance.SubjectAccess;

/// <summary>
/// The first step of a subject access request: find the person by name, date of birth or identifier across every
/// agency (ADR 0011), choose them from the matches, and produce the export. A person id still works (from a link).
/// </summary>
public sealed class SubjectAccessIndexModel(IValidator<ExportSubjectAccessQuery> validator, ISender sender) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public SubjectAccessInput Input { get; set; } = new();

    /// <summary>The people the search found, each with a link to their export; null before a search.</summary>
    public IReadOnlyList<SubjectMatch>? Matches { get; private set; }

    public string? MatchesCaption { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var searching = !string.IsNullOrWhiteSpace(Input.Search);
        if (Input.PersonId is null && !searching)
        {
            if (Request.Query.ContainsKey("Input.Search"))
            {
                ModelState.AddModelError("Input.Search", "Enter the person's name, date of birth or an identifier");
            }

            return Page();
        }

        var personId = Guid.Empty;
        if (Input.PersonId is not null && !Guid.TryParse(Input.PersonId.Trim(), out personId))
        {
            ModelState.AddModelError("Input.PersonId", "Enter the person id as it appears on their record or in the audit trail");
        }

        if (searching && Input.Search!.Trim().Length > 100)
        {
            ModelState.AddModelError("Input.Search", "Search text must be 100 characters or fewer");
        }

        if (!Input.ReceivedOn.TryGetDate(out var receivedOn))
        {
            ModelState.AddModelError("Input.ReceivedOn", "The date the request was received must be a real date");
        }

        if (!Input.ExtensionToldOn.TryGetDate(out var toldOn))
        {
            ModelState.AddModelError("Input.ExtensionToldOn", "The date the person was told of the extension must be a real date");
        }

        if (ModelState.IsValid)
        {
            // The export's own rules (not in the future; an extension told within the first month), checked here
            // so the form can say what is wrong next to the field.
            var result = await validator.ValidateAsync(new ExportSubjectAccessQuery(new PersonId(personId), receivedOn, toldOn), cancellationToken);
            foreach (var failure in result.Errors)
            {
                ModelState.AddModelError(PageExceptionFilter.PageField(failure.PropertyName), failure.ErrorMessage);
            }
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var query = new List<string>();
        if (receivedOn is { } day)
        {
            query.Add($"receivedOn={day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
        }

        if (toldOn is { } extension)
        {
            query.Add($"extensionToldOn={extension.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
        }

        var dates = query.Count == 0 ? string.Empty : "?" + string.Join('&', query);
        if (Input.PersonId is null)
        {
            var found = await sender.Send(new FindPeopleForGovernanceQuery(Input.Search!.Trim()), cancellationToken);
            Matches = found.People.Select(p => new SubjectMatch(
                $"{p.GivenName} {p.FamilyName}", LocalTime.Date(p.DateOfBirth), p.Pnc ?? p.Crn ?? "–", p.OwnerAgency,
                $"/governance/subject-access/{p.Id}{dates}")).ToList();
            MatchesCaption = found.Total switch
            {
                0 => null,
                1 => "1 person found",
                var total when total > found.People.Count => $"{total} people found; the first {found.People.Count} are shown. Search more closely, for example with the date of birth.",
                var total => $"{total} people found",
            };
            return Page();
        }

        return Redirect($"/governance/subject-access/{personId}{dates}");
    }
}

/// <summary>A person the search found, with the link that produces their export.</summary>
public sealed record SubjectMatch(string Name, string DateOfBirth, string Identifier, string Agency, string ExportHref);

public sealed class SubjectAccessInput
{
    /// <summary>A name, date of birth (dd/mm/yyyy) or identifier (PNC, CRN, NHS number, UPN).</summary>
    public string? Search { get; set; }

    /// <summary>The person chosen, by id (links from the audit trail and older bookmarks).</summary>
    public string? PersonId { get; set; }

    /// <summary>The day the request arrived; the respond-by date counts from it. Empty means today.</summary>
    public DateParts ReceivedOn { get; set; } = new();

    /// <summary>A complex request: the day the person was told it will take two months more. Empty: not extended.</summary>
    public DateParts ExtensionToldOn { get; set; } = new();
}
