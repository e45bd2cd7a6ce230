using System.Globalization;
using CaseManager.Application.Auditing.ExportSubjectAccess;
using CaseManager.Domain.People;
using CaseManager.Web.Errors;
using FluentValidation;
using CaseManager.Web.TagHelpers;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManager.Web.Pages.Governance.SubjectAccess;

public sealed class SubjectAccessIndexModel(IValidator<ExportSubjectAccessQuery> validator) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public SubjectAccessInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Input.PersonId is null)
        {
            return Page();
        }

        if (!Guid.TryParse(Input.PersonId.Trim(), out var personId))
        {
            ModelState.AddModelError("Input.PersonId", "Enter the person id as it appears on their record or in the audit trail");
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

        return Redirect($"/governance/subject-access/{personId}{(query.Count == 0 ? string.Empty : "?" + string.Join('&', query))}");
    }
}

public sealed class SubjectAccessInput
{
    public string? PersonId { get; set; }

    /// <summary>The day the request arrived; the respond-by date counts from it. Empty means today.</summary>
    public DateParts ReceivedOn { get; set; } = new();

    /// <summary>A complex request: the day the person was told it will take two months more. Empty: not extended.</summary>
    public DateParts ExtensionToldOn { get; set; } = new();
}
