using CaseManager.Application.Treatment.EndTreatmentIntervention;
using CaseManager.Domain.Cases;
using CaseManager.Domain.Treatment;
using CaseManager.Web.Errors;
using CaseManager.Web.TagHelpers;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManager.Web.Pages.Cases.Treatment;

/// <summary>Ends a treatment intervention on a day (EndTreatmentInterventionCommand); every error on the form is listed at once.</summary>
public sealed class EndTreatmentInterventionModel(ISender sender, IValidator<EndTreatmentInterventionCommand> validator) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid Iid { get; set; }

    [BindProperty]
    public DateParts EndDate { get; set; } = new();

    public string CaseHref => $"/cases/{Id}";

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!EndDate.TryGetDate(out var endDate))
        {
            ModelState.AddModelError(nameof(EndDate), "The end date must be a real date");
        }

        var command = new EndTreatmentInterventionCommand(new CaseId(Id), new TreatmentInterventionId(Iid), endDate);
        await FormChecks.AddFailuresAsync(validator, command, ModelState, cancellationToken,
            property => property == nameof(EndTreatmentInterventionCommand.EndDate) ? nameof(EndDate) : null);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var ended = await sender.Send(command, cancellationToken);
        TempData["Success"] = $"{TreatmentWords.TypeOf(ended.Type)} ended on {LocalTime.Date(ended.EndDate!.Value)}";
        return Redirect($"{CaseHref}#treatment");
    }
}
