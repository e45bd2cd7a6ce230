using CaseManager.Application.Cases;
using CaseManager.Domain.Cases;
using CaseManager.Domain.Interventions;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CaseManager.Web.Pages.Cases;

/// <summary>The words people use for case statuses, flags, kinds of work and exit reasons (DOMAIN.md IOM4, IOM6).</summary>
public static class CaseWords
{
    public static string Status(string status) => status switch
    {
        nameof(CaseStatus.Active) => "Active",
        nameof(CaseStatus.ExitNominated) => "Exit nominated",
        nameof(CaseStatus.Exited) => "Exited",
        _ => status,
    };

    public static string StatusTagClass(string status) => status switch
    {
        nameof(CaseStatus.Active) => "govuk-tag--green",
        nameof(CaseStatus.ExitNominated) => "govuk-tag--yellow",
        _ => "govuk-tag--grey",
    };

    /// <summary>A caseload flag (<see cref="Application.Cases.ListCases.ListCasesHandler.FlagsOf"/>) as a GOV.UK tag.</summary>
    public static (string Text, string TagClass) Flag(string flag) => flag switch
    {
        "ExitNominated" => ("Exit nominated", "govuk-tag--yellow"),
        "ReviewOverdue" => ("Review overdue", "govuk-tag--red"),
        "InCustody" => ("In custody", "govuk-tag--purple"),
        "Mappa" => ("MAPPA", "govuk-tag--orange"),
        "Ppo" => ("PPO", "govuk-tag--blue"),
        _ => (flag, "govuk-tag--grey"),
    };

    public static string Of(Domain.Interventions.InterventionType type) => type switch
    {
        Domain.Interventions.InterventionType.OfficeAppointment => "Office appointment",
        Domain.Interventions.InterventionType.HomeVisit => "Home visit",
        Domain.Interventions.InterventionType.PrisonVisit => "Prison visit",
        Domain.Interventions.InterventionType.PhoneContact => "Phone contact",
        Domain.Interventions.InterventionType.DrugTest => "Drug test",
        Domain.Interventions.InterventionType.AlcoholTreatmentSession => "Alcohol treatment session",
        Domain.Interventions.InterventionType.CourseAttendance => "Course attendance",
        Domain.Interventions.InterventionType.RestorativeJusticeConference => "Restorative justice conference",
        Domain.Interventions.InterventionType.EmploymentSupport => "Employment support",
        Domain.Interventions.InterventionType.Arrest => "Arrest",
        Domain.Interventions.InterventionType.BreachAction => "Enforcement or breach action",
        Domain.Interventions.InterventionType.Other => "Other",
        Domain.Interventions.InterventionType.Keywork => "Keywork session",
        _ => type.ToString(),
    };

    public static string Of(ExitReason reason) => reason switch
    {
        ExitReason.SustainedProgress => "Sustained progress: the risk has reduced",
        ExitReason.NoOffendingForPeriod => "No offending or intelligence for a period",
        ExitReason.LongCustodialSentence => "Long custodial sentence",
        ExitReason.MovedOutOfArea => "Moved out of the area",
        ExitReason.TransferredToMappa => "Transferred to MAPPA",
        ExitReason.Deceased => "Deceased",
        ExitReason.Other => "Other (say why in the note)",
        ExitReason.OutcomesAchieved => "The family plan's outcomes were achieved",
        ExitReason.SteppedDownToUniversalServices => "Stepped down to universal services",
        ExitReason.EscalatedToChildrensSocialCare => "Escalated to children's social care",
        ExitReason.CompletedDrugFree => "Treatment completed: drug-free",
        ExitReason.CompletedAlcoholFree => "Treatment completed: alcohol-free",
        ExitReason.CompletedOccasionalUser => "Treatment completed: occasional user (not opiates or crack)",
        ExitReason.TransferredInCustody => "Transferred: in custody",
        ExitReason.TransferredNotInCustody => "Transferred: not in custody",
        ExitReason.DroppedOut => "Dropped out or left treatment",
        ExitReason.TreatmentWithdrawn => "Treatment withdrawn by provider",
        ExitReason.Declined => "Treatment declined by client",
        ExitReason.MovedAway => "Moved away",
        ExitReason.Died => "Died",
        _ => reason.ToString(),
    };

    public static string Of(DrugTestResult result) => result.ToString();

    public static string Of(Substance substance) => substance switch
    {
        Substance.Amphetamines => "Amphetamines",
        Substance.Benzodiazepines => "Benzodiazepines",
        _ => substance.ToString(),
    };

    public static string TypeOf(string value) =>
        Enum.TryParse<Domain.Interventions.InterventionType>(value, out var type) ? Of(type) : value;

    public static string ExitReasonOf(string value) =>
        Enum.TryParse<ExitReason>(value, out var reason) ? Of(reason) : value;

    public static IEnumerable<SelectListItem> InterventionTypeItems(Domain.Agencies.Scheme scheme) =>
        InterventionTypes.For(scheme).Select(t => new SelectListItem(Of(t), t.ToString()));

    public static IEnumerable<SelectListItem> ExitReasonItems(Domain.Agencies.Scheme scheme) =>
        ExitReasons.For(scheme).Select(r => new SelectListItem(Of(r), r.ToString()));

    public static IEnumerable<SelectListItem> DrugTestResultItems() =>
        Enum.GetValues<DrugTestResult>().Select(r => new SelectListItem(Of(r), r.ToString()));

    public static IEnumerable<SelectListItem> SubstanceItems() =>
        Enum.GetValues<Substance>().Select(s => new SelectListItem(Of(s), s.ToString()));

    /// <summary>"Cohort Flex, tier Amber".</summary>
    public static string? CohortAndTier(string? cohort, string? tier) =>
        cohort is null ? null : tier is null ? cohort : $"{cohort}, tier {tier}";

    public static string Custody(CustodyView? custody, Func<DateOnly?, string?> date) => custody switch
    {
        { InCustody: true } c => $"In custody at {c.Establishment}" + (c.ExpectedRelease is { } release ? $", expected release {date(release)}" : string.Empty),
        _ => "In the community",
    };
}
