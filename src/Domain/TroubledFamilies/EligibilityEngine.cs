using System.Globalization;
using CaseManager.Domain.Outcomes;
using CaseManager.Domain.People;

namespace CaseManager.Domain.TroubledFamilies;

/// <summary>
/// Troubled Families eligibility worked out from recorded facts, as at a day (DOMAIN.md TF1 for phase 1, TF4 for phase
/// 2). Pure: the same facts, day and thresholds always give the same answer. A record counts only when its person was
/// a member of the household on its day, and a state (on an out-of-work benefit, being a child) is judged on the day
/// asked about. docs/families.md "Eligibility" gives each rule in words.
/// </summary>
public static class EligibilityEngine
{
    public const string CrimeAsb = nameof(CrimeAsb);
    public const string Education = nameof(Education);
    public const string Work = nameof(Work);
    public const string Local = nameof(Local);

    /// <summary>
    /// TF1: (a) crime/ASB, (b) education, (c) work, (d) local criteria. Eligible with all of (a)(b)(c), or two of them
    /// and at least one local criterion.
    /// </summary>
    public static EligibilityResult Phase1(FamilyFacts facts, DateOnly asOf, EligibilityOptions options)
    {
        var thresholds = options.Phase1;
        var crime = CrimeAsbCriterion(facts, asOf, thresholds, phase: 1);
        var education = EducationCriterion(Education, facts, asOf, thresholds);
        var work = WorkCriterion(Work, facts, asOf, thresholds, problem: null);
        var local = LocalCriterion(Local, facts, asOf, thresholds, problem: null);
        IReadOnlyList<EligibilityCriterion> national = [crime, education, work];
        var met = national.Count(c => c.Met);
        var eligible = met == 3 || (met == 2 && local.Met);
        var names = string.Join(", ", national.Where(c => c.Met).Select(c => Name(c.Code)));
        var summary = eligible
            ? met == 3 ? "Eligible: crime and anti-social behaviour, education and work are all met." : $"Eligible: two national criteria ({names}) and a local criterion are met."
            : $"Not eligible: {met} of the 3 national criteria met{(met > 0 ? $" ({names})" : string.Empty)}{(local.Met ? " and a local criterion" : string.Empty)}; "
                + "all three are needed, or two and a local criterion.";
        return new EligibilityResult(1, asOf, eligible, [crime, education, work, local], summary);
    }

    /// <summary>
    /// TF4: at least two of the six headline problems (configurable). Local criteria count towards the problem
    /// configuration maps them to, and a treatment episode shows a health problem.
    /// </summary>
    public static EligibilityResult Phase2(FamilyFacts facts, DateOnly asOf, EligibilityOptions options)
    {
        var thresholds = options.Phase2;
        var criteria = Phase2Problems(facts, asOf, thresholds);
        var met = criteria.Count(c => c.Met);
        var eligible = met >= thresholds.HeadlineProblemsNeeded;
        var names = string.Join(", ", criteria.Where(c => c.Met).Select(c => Name(c.Code)));
        var summary = $"{(eligible ? "Eligible" : "Not eligible")}: {met} of the 6 headline problems{(met > 0 ? $" ({names})" : string.Empty)}; "
            + $"{thresholds.HeadlineProblemsNeeded} are needed.";
        return new EligibilityResult(2, asOf, eligible, criteria, summary);
    }

    /// <summary>The six TF4 problems as at a day, each with its evidence (also what results measure progress against).</summary>
    public static IReadOnlyList<EligibilityCriterion> Phase2Problems(FamilyFacts facts, DateOnly asOf, EligibilityThresholds thresholds)
    {
        var crime = CrimeAsbCriterion(facts, asOf, thresholds, phase: 2);
        var attendance = EducationCriterion(nameof(HeadlineProblem.SchoolAttendance), facts, asOf, thresholds);
        var children = LocalCriterion(nameof(HeadlineProblem.ChildrenNeedHelp), facts, asOf, thresholds, HeadlineProblem.ChildrenNeedHelp);
        var work = WorkCriterion(nameof(HeadlineProblem.Worklessness), facts, asOf, thresholds, HeadlineProblem.Worklessness);
        var abuse = LocalCriterion(nameof(HeadlineProblem.DomesticAbuse), facts, asOf, thresholds, HeadlineProblem.DomesticAbuse);
        var health = HealthCriterion(facts, asOf, thresholds);
        return [crime, attendance, children, work, abuse, health];
    }

    /// <summary>The first day of "the last N months" ending on <paramref name="asOf"/>: 12 months to 26 November start on 27 November.</summary>
    public static DateOnly WindowStart(DateOnly asOf, int months) => asOf.AddMonths(-months).AddDays(1);

    /// <summary>The terms counted as at a day: its own term and the ones before it, oldest first.</summary>
    public static IReadOnlyList<SchoolTerm> TermsTo(DateOnly asOf, int terms)
    {
        var current = SchoolTerm.Of(asOf);
        return [.. Enumerable.Range(0, terms).Select(i => current.Previous(terms - 1 - i))];
    }

    /// <summary>
    /// Phase 1 (a): a child (under 18 on the day of the offence) with an offence proven by the day asked about and
    /// committed in the last 12 months, or any member with an ASB order, injunction, contract, community protection
    /// notice or housing ASB intervention in the last 12 months. Phase 2 counts any member's proven offence, any ASB
    /// record (incidents and warnings too), and local criteria mapped to crime/ASB.
    /// </summary>
    private static EligibilityCriterion CrimeAsbCriterion(FamilyFacts facts, DateOnly asOf, EligibilityThresholds thresholds, int phase)
    {
        var from = WindowStart(asOf, thresholds.LookbackMonths);
        var offences = facts.Offences
            .Where(o => o.ConvictedOn <= asOf && o.CommittedOn >= from && o.CommittedOn <= asOf
                && (phase == 1 ? facts.IsChildOn(o.PersonId, o.CommittedOn) : facts.IsMemberOn(o.PersonId, o.CommittedOn)))
            .Select(o => new EligibilityEvidence("Offence", o.RecordId, o.PersonId, o.CommittedOn, $"Offence proven on {Day(o.ConvictedOn)}"));
        var asb = facts.Asb
            .Where(a => a.OccurredOn >= from && a.OccurredOn <= asOf && (phase == 2 || AsbRecord.IsSanction(a.Kind)) && facts.IsMemberOn(a.PersonId, a.OccurredOn))
            .Select(a => new EligibilityEvidence("Asb", a.RecordId, a.PersonId, a.OccurredOn, Words(a.Kind.ToString())));
        var local = phase == 2 ? LocalEvidence(facts, asOf, thresholds, HeadlineProblem.CrimeAsb) : [];
        var evidence = Ordered(offences.Concat(asb).Concat(local));
        var months = thresholds.LookbackMonths;
        return evidence.Count > 0
            ? new EligibilityCriterion(CrimeAsb, true, evidence, $"{Count(evidence, "record")} of crime or anti-social behaviour in the {months} months to {Day(asOf)}", null)
            : new EligibilityCriterion(CrimeAsb, false, [], $"None in the {months} months to {Day(asOf)}",
                phase == 1
                    ? $"A child with a proven offence, or a member with an ASB order, injunction, contract or housing intervention, in the last {months} months"
                    : $"A member with a proven offence or a record of anti-social behaviour in the last {months} months");
    }

    /// <summary>
    /// (b) / school attendance, for a child (under 18, a member, on the record's day) in the last N terms: permanently
    /// excluded, in alternative provision, not on a school roll, 3 or more fixed-term exclusions, or 15% or more
    /// unauthorised absence over the attendance recorded for those terms.
    /// </summary>
    private static EligibilityCriterion EducationCriterion(string code, FamilyFacts facts, DateOnly asOf, EligibilityThresholds thresholds)
    {
        var terms = TermsTo(asOf, thresholds.Terms);
        var counted = facts.Education
            .Where(e => e.Term >= terms[0] && e.Term <= terms[^1] && (e.On ?? e.Term.Start) <= asOf && facts.IsChildOn(e.PersonId, e.DayAsOf(asOf)))
            .ToList();
        var evidence = new List<EligibilityEvidence>();
        evidence.AddRange(counted.Where(e => e.Kind is EducationKind.PermanentExclusion or EducationKind.AlternativeProvision or EducationKind.NotOnRoll)
            .Select(e => Evidence(e, asOf, Words(e.Kind.ToString()))));
        var mostExclusions = 0;
        var highestAbsence = (decimal?)null;
        foreach (var child in counted.GroupBy(e => e.PersonId))
        {
            var exclusions = child.Where(e => e.Kind == EducationKind.FixedTermExclusion).ToList();
            mostExclusions = Math.Max(mostExclusions, exclusions.Count);
            if (exclusions.Count >= thresholds.FixedTermExclusions)
            {
                evidence.AddRange(exclusions.Select(e => Evidence(e, asOf, $"Fixed-term exclusion, {exclusions.Count} in the last {thresholds.Terms} terms")));
            }

            var attendance = child.Where(e => e.Kind == EducationKind.TermAttendance && e.SessionsPossible > 0).ToList();
            if (attendance.Count > 0)
            {
                var percent = AbsencePercent(attendance);
                highestAbsence = Math.Max(highestAbsence ?? 0m, percent);
                if (percent >= thresholds.AbsencePercent)
                {
                    evidence.AddRange(attendance.Select(e => Evidence(e, asOf, $"Attendance {e.Term}: {Percent(percent)} unauthorised absence over the terms recorded")));
                }
            }
        }

        var span = $"the {thresholds.Terms} terms {terms[0]} to {terms[^1]}";
        var found = $"Most fixed-term exclusions of one child: {mostExclusions}; highest unauthorised absence: {(highestAbsence is { } high ? Percent(high) : "none recorded")}";
        return evidence.Count > 0
            ? new EligibilityCriterion(code, true, Ordered(evidence), $"{Count(evidence, "education record")} in {span}", null)
            : new EligibilityCriterion(code, false, [], $"{found} in {span}",
                $"A child permanently excluded, in alternative provision or not on a school roll, {thresholds.FixedTermExclusions} or more fixed-term exclusions, "
                + $"or {Percent(thresholds.AbsencePercent)} or more unauthorised absence, in {span}");
    }

    /// <summary>(c) / worklessness: an adult member on an out-of-work benefit on the day; phase 2 adds local criteria mapped to it.</summary>
    private static EligibilityCriterion WorkCriterion(string code, FamilyFacts facts, DateOnly asOf, EligibilityThresholds thresholds, HeadlineProblem? problem)
    {
        var evidence = facts.Employment
            .Where(e => e.Kind == EmploymentKind.OutOfWorkBenefit && e.IsOn(asOf) && facts.IsAdultOn(e.PersonId, asOf))
            .Select(e => new EligibilityEvidence("Employment", e.RecordId, e.PersonId, e.From, $"On {e.Benefit} since {Day(e.From)}"))
            .Concat(problem is { } mapped ? LocalEvidence(facts, asOf, thresholds, mapped) : []);
        var list = Ordered(evidence);
        return list.Count > 0
            ? new EligibilityCriterion(code, true, list, $"{Count(list, "record")} on {Day(asOf)}", null)
            : new EligibilityCriterion(code, false, [], $"No adult member on an out-of-work benefit on {Day(asOf)}",
                problem is null ? "An adult member on an out-of-work benefit" : "An adult member on an out-of-work benefit, or a local criterion of worklessness or financial exclusion");
    }

    /// <summary>(d) local criteria in the last 12 months, or in phase 2 those configuration maps to <paramref name="problem"/>.</summary>
    private static EligibilityCriterion LocalCriterion(string code, FamilyFacts facts, DateOnly asOf, EligibilityThresholds thresholds, HeadlineProblem? problem)
    {
        var evidence = Ordered(LocalEvidence(facts, asOf, thresholds, problem));
        var months = thresholds.LookbackMonths;
        return evidence.Count > 0
            ? new EligibilityCriterion(code, true, evidence, $"{Count(evidence, "local criterion", "local criteria")} in the {months} months to {Day(asOf)}", null)
            : new EligibilityCriterion(code, false, [], $"None in the {months} months to {Day(asOf)}",
                problem is null ? $"A local criterion recorded in the last {months} months" : $"A local criterion of {Name(problem.ToString()!)} recorded in the last {months} months");
    }

    /// <summary>Health: a member in treatment (DT1) on a day of the last 12 months while a member, or a local criterion mapped to health.</summary>
    private static EligibilityCriterion HealthCriterion(FamilyFacts facts, DateOnly asOf, EligibilityThresholds thresholds)
    {
        var from = WindowStart(asOf, thresholds.LookbackMonths);
        var treatment = facts.Treatment
            .Where(t => t.Start <= asOf && t.Overlaps(from, asOf) && MemberDuring(facts, t.PersonId, Max(t.Start, from), Min(t.End ?? asOf, asOf)))
            .Select(t => new EligibilityEvidence("Treatment", t.RecordId, t.PersonId, t.Start, t.End is { } end ? $"In treatment until {Day(end)}" : "In treatment"));
        var evidence = Ordered(treatment.Concat(LocalEvidence(facts, asOf, thresholds, HeadlineProblem.Health)));
        var months = thresholds.LookbackMonths;
        return evidence.Count > 0
            ? new EligibilityCriterion(nameof(HeadlineProblem.Health), true, evidence, $"{Count(evidence, "record")} in the {months} months to {Day(asOf)}", null)
            : new EligibilityCriterion(nameof(HeadlineProblem.Health), false, [], $"None in the {months} months to {Day(asOf)}",
                $"A member in treatment, or a local criterion of health or substance misuse, in the last {months} months");
    }

    private static IEnumerable<EligibilityEvidence> LocalEvidence(FamilyFacts facts, DateOnly asOf, EligibilityThresholds thresholds, HeadlineProblem? problem)
    {
        var from = WindowStart(asOf, thresholds.LookbackMonths);
        return facts.LocalCriteria
            .Where(l => l.On >= from && l.On <= asOf && (problem is null || l.Problem == problem)
                && (l.PersonId is not { } person || facts.IsMemberOn(person, l.On)))
            .Select(l => new EligibilityEvidence("LocalCriterion", l.RecordId, l.PersonId, l.On, Words(l.Criterion)));
    }

    /// <summary>Unauthorised absence over the terms recorded, as a percentage of the sessions possible (exact, not rounded).</summary>
    public static decimal AbsencePercent(IEnumerable<EducationFact> attendance)
    {
        var list = attendance.ToList();
        var possible = list.Sum(e => e.SessionsPossible ?? 0);
        return possible == 0 ? 0m : 100m * list.Sum(e => e.UnauthorisedAbsenceSessions ?? 0) / possible;
    }

    internal static bool MemberDuring(FamilyFacts facts, PersonId personId, DateOnly from, DateOnly to) =>
        facts.Member(personId) is { } member && member.Periods.Any(p => p.From <= to && (p.To is null || p.To >= from));

    private static EligibilityEvidence Evidence(EducationFact e, DateOnly asOf, string detail) =>
        new("Education", e.RecordId, e.PersonId, e.On ?? e.DayAsOf(asOf), detail);

    private static List<EligibilityEvidence> Ordered(IEnumerable<EligibilityEvidence> evidence) =>
        [.. evidence.DistinctBy(e => e.RecordId).OrderByDescending(e => e.On).ThenBy(e => e.RecordId)];

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    internal static string Day(DateOnly day) => day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    internal static string Percent(decimal value) => value.ToString("0.#", CultureInfo.InvariantCulture) + "%";

    private static string Count(List<EligibilityEvidence> evidence, string one, string? many = null) =>
        evidence.Count == 1 ? $"1 {one}" : $"{evidence.Count} {many ?? one + "s"}";

    /// <summary>A criterion code in words: "CrimeAsb" is "crime and anti-social behaviour".</summary>
    public static string Name(string code) => code switch
    {
        CrimeAsb => "crime and anti-social behaviour",
        nameof(HeadlineProblem.SchoolAttendance) => "school attendance",
        nameof(HeadlineProblem.ChildrenNeedHelp) => "children who need help",
        nameof(HeadlineProblem.Worklessness) => "worklessness and financial exclusion",
        nameof(HeadlineProblem.DomesticAbuse) => "domestic abuse",
        nameof(HeadlineProblem.Health) => "health",
        _ => code.ToLowerInvariant(),
    };

    /// <summary>"FixedTermExclusion" → "Fixed term exclusion".</summary>
    internal static string Words(string pascal) =>
        string.Concat(pascal.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : c.ToString()));
}
