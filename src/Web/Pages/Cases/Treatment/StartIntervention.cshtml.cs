using CaseManager.Application.Cases.GetCase;
using CaseManager.Application.Treatment.StartTreatmentIntervention;
using CaseManager.Domain.Cases;
using CaseManager.Domain.Treatment;
using CaseManager.Web.Errors;
using CaseManager.Web.TagHelpers;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManager.Web.Pages.Cases.Treatment;

/// <summary>Starts a treatment intervention (StartTreatmentInterventionCommand, DT1); every error on the form is listed at once.</summary>
public sealed class StartTreatmentInterventionModel(ISender sender, IValidator<StartTreatmentInterventionCommand> validator) : PageModel, IReloadablePage
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public StartInterventionInput Input { get; set; } = new();

    public string PersonName { get; private set; } = string.Empty;

    public string CaseHref => $"/cases/{Id}";

    public static IReadOnlyList<SelectListItem> TypeItems =>
        Enum.GetValues<TreatmentInterventionType>().Select(t => new SelectListItem(TreatmentWords.Of(t), t.ToString())).ToList();

    public static IReadOnlyList<SelectListItem> MedicationItems =>
        [new("None (not pharmacological)", string.Empty), .. Enum.GetValues<Medication>().Select(m => new SelectListItem(m.ToString(), m.ToString()))];

    public static IReadOnlyList<SelectListItem> ModeItems =>
        [new("Maintenance", nameof(PrescribingMode.Maintenance)), new("Reduction", nameof(PrescribingMode.Reduction))];

    public Task OnGetAsync(CancellationToken cancellationToken) => ReloadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!Input.StartDate.TryGetDate(out var startDate))
        {
            ModelState.AddModelError("Input.StartDate", "The start date must be a real date");
        }

        var command = new StartTreatmentInterventionCommand(new CaseId(Id), Input.Type, startDate, Input.Medication, Input.Mode);
        await FormChecks.AddFailuresAsync(validator, command, ModelState, cancellationToken);
        if (!ModelState.IsValid)
        {
            await ReloadAsync(cancellationToken);
            return Page();
        }

        var started = await sender.Send(command, cancellationToken);
        TempData["Success"] = $"{TreatmentWords.TypeOf(started.Type)} started on {LocalTime.Date(started.StartDate)}";
        return Redirect($"{CaseHref}#treatment");
    }

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        var found = await sender.Send(new GetCaseQuery(new CaseId(Id)), cancellationToken);
        PersonName = found.PersonName ?? string.Empty;
    }
}

public sealed class StartInterventionInput
{
    public TreatmentInterventionType? Type { get; set; }

    public Medication? Medication { get; set; }

    public PrescribingMode? Mode { get; set; }

    public DateParts StartDate { get; set; } = new();
}
