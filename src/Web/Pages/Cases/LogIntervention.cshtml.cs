using System.Globalization;
using CaseManager.Application.Cases.GetCase;
using CaseManager.Application.Common.Time;
using CaseManager.Application.Interventions.LogIntervention;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.Cases;
using CaseManager.Domain.Interventions;
using CaseManager.Web.Errors;
using CaseManager.Web.TagHelpers;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManager.Web.Pages.Cases;

/// <summary>Logs a piece of work on a case (LogInterventionCommand): a contact, a drug test, a course, an arrest…</summary>
public sealed class LogInterventionModel(ISender sender, PartnershipClock clock) : PageModel, IReloadablePage
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public InterventionInput Input { get; set; } = new();

    public string PersonName { get; private set; } = string.Empty;

    public IReadOnlyList<SelectListItem> TypeItems { get; private set; } = [];

    public string CaseHref => $"/cases/{Id}";

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

        if (!ModelState.IsValid)
        {
            await ReloadAsync(cancellationToken);
            return Page();
        }

        // The result and substances belong to the drug test answer: under another type they were hidden, so they are ignored.
        var isDrugTest = Input.Type == InterventionType.DrugTest;
        var work = await sender.Send(
            new LogInterventionCommand(
                new CaseId(Id),
                Input.Type,
                occurredAt,
                duration,
                string.IsNullOrWhiteSpace(Input.Outcome) ? null : Input.Outcome.Trim(),
                string.IsNullOrWhiteSpace(Input.Notes) ? null : Input.Notes.Trim(),
                isDrugTest ? Input.Result : null,
                isDrugTest ? Input.Substances : []),
            cancellationToken);
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
