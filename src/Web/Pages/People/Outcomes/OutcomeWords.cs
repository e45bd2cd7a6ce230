using System.Globalization;
using CaseManager.Application.Outcomes;
using CaseManager.Domain.Outcomes;
using CaseManager.Domain.TroubledFamilies;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CaseManager.Web.Pages.People.Outcomes;

/// <summary>
/// How the person page and its record pages name the outcome records that Troubled Families eligibility and results
/// are worked from (DOMAIN.md TF1, TF2, TF4): ASB, education, work and benefits, and the local criteria.
/// </summary>
public static class OutcomeWords
{
    public static string Asb(AsbKind kind) => kind switch
    {
        AsbKind.Incident => "Incident",
        AsbKind.Warning => "Warning",
        AsbKind.AcceptableBehaviourContract => "Acceptable behaviour contract",
        AsbKind.Injunction => "Injunction",
        AsbKind.CriminalBehaviourOrder => "Criminal behaviour order",
        AsbKind.HousingIntervention => "Housing intervention",
        AsbKind.CommunityProtectionNotice => "Community protection notice",
        _ => kind.ToString(),
    };

    public static string Education(EducationKind kind) => kind switch
    {
        EducationKind.FixedTermExclusion => "Fixed-term exclusion",
        EducationKind.PermanentExclusion => "Permanent exclusion",
        EducationKind.AlternativeProvision => "Pupil referral unit or alternative provision",
        EducationKind.NotOnRoll => "Not on a school roll",
        EducationKind.TermAttendance => "A term's attendance",
        _ => kind.ToString(),
    };

    public static string Employment(EmploymentKind kind) => kind switch
    {
        EmploymentKind.OutOfWorkBenefit => "Out-of-work benefit",
        EmploymentKind.InWork => "In work",
        EmploymentKind.WorkProgramme => "Work Programme",
        EmploymentKind.EsfProvision => "ESF provision",
        _ => kind.ToString(),
    };

    public static string Benefit(BenefitType benefit) => benefit switch
    {
        BenefitType.Jsa => "Jobseeker's Allowance",
        BenefitType.Esa => "Employment and Support Allowance",
        BenefitType.IncomeSupport => "Income Support",
        BenefitType.UniversalCredit => "Universal Credit",
        BenefitType.Other => "Another out-of-work benefit",
        _ => benefit.ToString(),
    };

    /// <summary>A local criterion's name: the known ones in words, a partnership's own code split into words.</summary>
    public static string Criterion(string code) => code switch
    {
        LocalCriteria.ChildProtectionPlan => "A child on a child protection plan",
        LocalCriteria.RiskOfEviction => "At risk of eviction",
        LocalCriteria.DomesticAbuse => "Domestic abuse",
        LocalCriteria.SubstanceMisuse => "Substance misuse",
        LocalCriteria.MemberInCustody => "A member in custody",
        _ => SchemeNames.InWords(code),
    };

    public static IEnumerable<SelectListItem> AsbItems() =>
        Enum.GetValues<AsbKind>().Select(k => new SelectListItem(Asb(k), k.ToString()));

    public static IEnumerable<SelectListItem> EducationItems() =>
        Enum.GetValues<EducationKind>().Select(k => new SelectListItem(Education(k), k.ToString()));

    public static IEnumerable<SelectListItem> EmploymentItems() =>
        Enum.GetValues<EmploymentKind>().Select(k => new SelectListItem(Employment(k), k.ToString()));

    public static IEnumerable<SelectListItem> BenefitItems() =>
        Enum.GetValues<BenefitType>().Select(b => new SelectListItem(Benefit(b), b.ToString()));

    /// <summary>"Autumn 2026" for the term "2026-Autumn".</summary>
    public static string Term(SchoolTerm term) => $"{term.Season} {term.Year.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>
    /// The terms a term's attendance may be recorded for: the current term and the eight before it (three school
    /// years), newest first. A term that has not started cannot be recorded (RecordEducationValidator).
    /// </summary>
    public static IEnumerable<SelectListItem> TermItems(DateOnly today) =>
        Enumerable.Range(0, 9).Select(back => SchoolTerm.Of(today).Previous(back)).Select(t => new SelectListItem(Term(t), t.ToString()));

    /// <summary>What the education part shows for a record: its day or term, and its numbers.</summary>
    public static (string When, string Detail) Of(EducationRecordView record)
    {
        var when = record.Term is { } term && SchoolTerm.TryParse(term, out var parsed) ? Term(parsed) : LocalTime.Date(record.On) ?? string.Empty;
        var detail = record switch
        {
            { Days: { } days } => days == 1 ? "1 day" : $"{days.ToString(CultureInfo.InvariantCulture)} days",
            { SessionsPossible: { } possible, UnauthorisedAbsenceSessions: { } absent } =>
                $"{absent.ToString(CultureInfo.InvariantCulture)} of {possible.ToString(CultureInfo.InvariantCulture)} sessions missed without authority ({record.UnauthorisedAbsencePercent?.ToString("0.#", CultureInfo.InvariantCulture)}%)",
            _ => string.Empty,
        };
        return (when, detail);
    }
}
