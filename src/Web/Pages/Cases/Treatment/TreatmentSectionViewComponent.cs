using System.Globalization;
using CaseManager.Application.Cases;
using CaseManager.Application.Treatment;
using CaseManager.Application.Treatment.ListTops;
using CaseManager.Application.Treatment.ListTreatmentInterventions;
using CaseManager.Domain.Cases;
using CaseManager.Domain.Treatment;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace CaseManager.Web.Pages.Cases.Treatment;

/// <summary>
/// The treatment part of a treatment case's page: the episode, its interventions and its TOPs, with a chart of TOP
/// figures over time. Everything is read through the same queries as the API, so the access rule decides.
/// </summary>
public sealed class TreatmentSectionViewComponent(ISender sender, IOptions<TreatmentOptions> options) : ViewComponent
{
    /// <summary><paramref name="canRecordAfterExit"/>: the owning agency may record a post-treatment TOP on the exited case.</summary>
    public async Task<IViewComponentResult> InvokeAsync(CaseView view, bool canChange, bool canRecordAfterExit)
    {
        var caseId = new CaseId(view.Id);
        var interventions = await sender.Send(new ListTreatmentInterventionsQuery(caseId));
        var tops = await sender.Send(new ListTopsQuery(caseId));
        return View(new TreatmentSection(view, view.Treatment!, interventions, tops,
            canChange && view.Status != nameof(CaseStatus.Exited), canRecordAfterExit && view.Status == nameof(CaseStatus.Exited), options.Value.RepresentationDays));
    }
}

public sealed record TreatmentSection(CaseView Case, TreatmentView Episode, IReadOnlyList<TreatmentInterventionView> Interventions, IReadOnlyList<TopRecordView> Tops, bool CanChange, bool CanRecordPostTreatment,
    int RepresentationDays)
{
    private static readonly CultureInfo English = CultureInfo.InvariantCulture;

    public string Href => $"/cases/{Case.Id}/treatment";

    public IReadOnlyList<SummaryRow> Details =>
    [
        new("Referral", $"{LocalTime.Date(Episode.ReferralDate)}, {Episode.ReferralSource}"),
        new("Triage", Episode.TriageDate is { } triage ? LocalTime.Date(triage) : null),
        new("Substances", string.Join(", ", new[] { Episode.PrimarySubstance, Episode.SecondarySubstance, Episode.TertiarySubstance }.Where(s => s is not null).Select(TreatmentWords.SubstanceOf))),
        new("Injecting status", Enum.TryParse<InjectingStatus>(Episode.InjectingStatus, out var injecting) ? TreatmentWords.Of(injecting) : Episode.InjectingStatus),
        new("Care coordinator", Episode.CareCoordinatorName),
        new("Discharge", Episode.DischargedOn is { } discharged ? $"{LocalTime.Date(discharged)}: {CaseWords.ExitReasonOf(Episode.DischargeReason ?? string.Empty)}" : "In treatment"),
        new("Successful completion", Episode.SuccessfulCompletion switch { true => "Yes", false => "No", null => "Not yet discharged" }),
        .. (Episode.Rereferral is { } rereferral
            ? new[] { new SummaryRow("Re-referral", rereferral ? "Yes: an earlier young people's episode" : "No: the first young people's episode") }
            : []),
        new($"Re-presented within {RepresentationDays} days", Episode.Representation switch { true => "Yes", false => "No", null => "Not known yet" }),
    ];

    /// <summary>DT3: young people use a similar outcome record; it has the TOP's questions (docs/treatment.md).</summary>
    public bool YoungPeople => Episode.Service == nameof(Domain.Agencies.Scheme.YoungPeopleTreatment);

    public string RecordsHeading => YoungPeople ? "Young people's outcome records" : "Treatment Outcomes Profiles";

    public string RecordLink => YoungPeople
        ? (CanRecordPostTreatment ? "Record a post-treatment outcome record" : "Record an outcome record")
        : (CanRecordPostTreatment ? "Record a post-treatment TOP" : "Record a TOP");

    public static string Medication(TreatmentInterventionView given) =>
        given.Medication is null ? "None" : given.Mode is null ? given.Medication : $"{given.Medication} ({given.Mode.ToLowerInvariant()})";

    /// <summary>The figures the chart and its table show, one series per measure, one value per TOP in date order.</summary>
    public IReadOnlyList<TopSeries> Series =>
    [
        new("Days used: alcohol", TopAnswers.MaxDays, Tops.Select(t => t.Answers.AlcoholDays).ToList()),
        new("Days used: illicit opiates", TopAnswers.MaxDays, Tops.Select(t => t.Answers.OpiateDays).ToList()),
        new("Days used: crack", TopAnswers.MaxDays, Tops.Select(t => t.Answers.CrackDays).ToList()),
        new("Days used: cocaine", TopAnswers.MaxDays, Tops.Select(t => t.Answers.CocaineDays).ToList()),
        new("Days used: amphetamines", TopAnswers.MaxDays, Tops.Select(t => t.Answers.AmphetamineDays).ToList()),
        new("Days used: cannabis", TopAnswers.MaxDays, Tops.Select(t => t.Answers.CannabisDays).ToList()),
        new(OtherSubstanceLabel, TopAnswers.MaxDays, Tops.Select(t => t.Answers.OtherSubstanceDays).ToList()),
        new("Days used: tobacco", TopAnswers.MaxDays, Tops.Select(t => t.Answers.TobaccoDays).ToList()),
        new("Days injected", TopAnswers.MaxDays, Tops.Select(t => t.Answers.InjectedDays).ToList()),
        new("Psychological health (0–20)", TopAnswers.MaxScore, Tops.Select(t => t.Answers.PsychologicalHealth).ToList()),
        new("Physical health (0–20)", TopAnswers.MaxScore, Tops.Select(t => t.Answers.PhysicalHealth).ToList()),
        new("Quality of life (0–20)", TopAnswers.MaxScore, Tops.Select(t => t.Answers.QualityOfLife).ToList()),
    ];

    /// <summary>The other substance by the name(s) given in the TOPs, or "other substance".</summary>
    private string OtherSubstanceLabel =>
        Tops.Select(t => t.Answers.OtherSubstanceName?.Trim()).Where(n => !string.IsNullOrEmpty(n)).Distinct(StringComparer.OrdinalIgnoreCase).ToList() is { Count: > 0 } names
            ? $"Days used: other ({string.Join(", ", names)})"
            : "Days used: other substance";

    public IReadOnlyList<string> TopLabels => Tops.Select(t => $"{t.Stage} {t.CompletedOn.ToString("d MMM yyyy", English)}").ToList();
}

/// <summary>One measure across the TOPs; null is "not answered".</summary>
public sealed record TopSeries(string Label, int Max, IReadOnlyList<int?> Values)
{
    public static string Width(int? value, int max) => ((value ?? 0) * 200.0 / max).ToString("0.#", CultureInfo.InvariantCulture);

    public static string Text(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "Not answered";
}
