using System.Globalization;
using CaseManager.Application.Cases.GetCase;
using CaseManager.Application.Common.Time;
using CaseManager.Application.Interventions.LogIntervention;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.Cases;
using CaseManager.Domain.Interventions;
using CaseManager.Web.Errors;
using CaseManager.Web.TagHelpers;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManager.Web.Pages.Cases;

/// <summary>
/// Logs a piece of work on a case (LogInterventionCommand): a contact, a drug test, a course, an arrest… The drug test
/// questions are revealed under the drug test answer (and shown to everyone without JavaScript). An answer to them
/// under another type is an error, not dropped; every error on the form is listed at once.
/// </summary>
public sealed class LogInterventionModel(ISender sender, PartnershipClock clock, IValidator<LogInterventionCommand> validator) : PageModel, IReloadablePage
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public InterventionInput Input { get; set; } = new();

    public string PersonName { get; private set; } = string.Empty;

    public IReadOnlyList<SelectListItem> TypeItems { get; private set; } = [];

    public string CaseHref => $"/cases/{Id}";

    /// <summary>The drug test answer reveals the drug test questions.</summary>
    public static readonly IReadOnlyDictionary<string, string> DrugTestReveals =
        new Dictionary<string, string> { [nameof(InterventionType.DrugTest)] = "drug-test-questions" };

    /// <summary>The drug test questions start hidden (with JavaScript) unless the drug test answer is chosen or they hold an error.</summary>
    public bool DrugTestChosen => Input.Type == InterventionType.DrugTest
        || ModelState.GetFieldValidationState("Input.Result") == ModelValidationState.Invalid
        || ModelState.GetFieldValidationState("Input.Substances") == ModelValidationState.Invalid;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await ReloadAsync(cancellationToken);
        var now = TimeZoneInfo.ConvertTime(clock.Now, clock.Zone);
        Input.Date = DateParts.From(DateOnly.FromDateTime(now.DateTime));
        Input.Time = now.ToString("HH:mm", CultureInfo.InvariantCulture);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var occurredAt = OccurredAt();
        int? duration = null;
        if (!string.IsNullOrWhiteSpace(Input.DurationMinutes))
        {
            if (int.TryParse(Input.DurationMinutes.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var minutes))
            {
                duration = minutes;
            }
            else
            {
                ModelState.AddModelError("Input.DurationMinutes", "The duration must be a whole number of minutes, like 45");
            }
        }

        var command = new LogInterventionCommand(
            new CaseId(Id),
            Input.Type,
            occurredAt,
            duration,
            string.IsNullOrWhiteSpace(Input.Outcome) ? null : Input.Outcome.Trim(),
            string.IsNullOrWhiteSpace(Input.Notes) ? null : Input.Notes.Trim(),
            Input.Result,
            Input.Substances);
        await FormChecks.AddFailuresAsync(validator, command, ModelState, cancellationToken,
            property => property == nameof(LogInterventionCommand.OccurredAt)
                ? (occurredAt is null && ModelState.GetFieldValidationState("Input.Date") != ModelValidationState.Invalid ? "Input.Time" : "Input.Date")
                : null);
        if (!ModelState.IsValid)
        {
            await ReloadAsync(cancellationToken);
            return Page();
        }

        var work = await sender.Send(command, cancellationToken);
        TempData["Success"] = $"{CaseWords.TypeOf(work.Type)} logged";
        return Redirect(CaseHref);
    }

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        var view = await sender.Send(new GetCaseQuery(new CaseId(Id)), cancellationToken);
        PersonName = view.PersonName ?? "Case";
        TypeItems = CaseWords.InterventionTypeItems(Enum.Parse<Scheme>(view.Scheme)).ToList();
    }

    /// <summary>The date and time as typed, in the partnership's time zone; null (with an error) when not a real time.</summary>
    private DateTimeOffset? OccurredAt()
    {
        if (!Input.Date.TryGetDate(out var date) || date is null)
        {
            ModelState.AddModelError("Input.Date", Input.Date.IsEmpty ? "Enter the date it happened" : "The date must be a real date");
            return null;
        }

        if (!TimeOnly.TryParseExact((Input.Time ?? string.Empty).Trim().Replace('.', ':'), ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            ModelState.AddModelError("Input.Time", "Enter the time in 24-hour format, like 14:30");
            return null;
        }

        var local = date.Value.ToDateTime(time);
        var at = new DateTimeOffset(local, clock.Zone.GetUtcOffset(local));
        if (at > clock.Now)
        {
            ModelState.AddModelError("Input.Date", "The date and time cannot be in the future");
        }

        return at;
    }
}

public sealed class InterventionInput
{
    public InterventionType? Type { get; set; }

    public DrugTestResult? Result { get; set; }

    public List<Substance> Substances { get; set; } = [];

    public DateParts Date { get; set; } = new();

    public string? Time { get; set; }

    public string? DurationMinutes { get; set; }

    public string? Outcome { get; set; }

    public string? Notes { get; set; }
}
