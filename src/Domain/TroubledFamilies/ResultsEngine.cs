using System.Globalization;
using CaseManager.Domain.Outcomes;
using CaseManager.Domain.People;
using static CaseManager.Domain.TroubledFamilies.EligibilityEngine;

namespace CaseManager.Domain.TroubledFamilies;

/// <summary>
/// Troubled Families results worked out from recorded facts, as at a day (DOMAIN.md TF2 for phase 1, TF4 for phase 2).
/// Pure, like <see cref="EligibilityEngine"/>. Entry is the day the family was attached (<see cref="FamilyFacts.AttachedOn"/>);
/// "the last 6 months" are the months ending on the day asked about, and "the 6 months before entry" end the day
/// before it. docs/families.md "Results" gives the reading of each rule.
/// </summary>
public static class ResultsEngine
{
    public static IReadOnlyList<ResultAssessment> Evaluate(int phase, FamilyFacts facts, DateOnly asOf, ResultsOptions options)
    {
        var thresholds = options.For(phase);
        return phase == 1
            ? [CrimeAsbEducation(facts, asOf, thresholds), Phase1Employment(facts, asOf, thresholds), ProgressToWork(facts, asOf)]
            : [SignificantAndSustainedProgress(facts, asOf, thresholds, options.Eligibility.Phase2), Phase2Employment(facts, asOf, thresholds)];
    }

    /// <summary>
    /// TF2 crime/ASB + education: for every part that applies, ASB across the family down 60%, minors' offending down
    /// 33% (last 6 months against the 6 before entry; a part with nothing before entry does not apply), each child under
    /// school-leaving age with fewer than 3 fixed-term exclusions and under 15% unauthorised absence in the last 3
    /// terms (education applies when a child had an education problem at entry, and is neutral when those children
    /// have all left school and no other child needs to improve), and no member with a crime/ASB or education
    /// problem now that they did not have at entry.
    /// </summary>
    private static ResultAssessment CrimeAsbEducation(FamilyFacts facts, DateOnly asOf, ResultsThresholds t)
    {
        if (Attachment(facts, asOf, t) is { Met: false } notYet)
        {
            return new ResultAssessment(ResultKind.CrimeAsbEducation, false, [notYet]);
        }

        var entry = facts.AttachedOn!.Value;
        var before = (From: entry.AddMonths(-t.MeasureMonths), To: entry.AddDays(-1));
        var after = (From: WindowStart(asOf, t.MeasureMonths), To: asOf);
        var asbBefore = facts.Asb.Where(a => In(a.OccurredOn, before) && facts.IsMemberOn(a.PersonId, a.OccurredOn)).ToList();
        var asbAfter = facts.Asb.Where(a => In(a.OccurredOn, after) && facts.IsMemberOn(a.PersonId, a.OccurredOn)).ToList();
        var minors = facts.Offences.Where(o => o.ConvictedOn <= asOf && facts.IsChildOn(o.PersonId, o.CommittedOn)).ToList();
        var offendingBefore = minors.Where(o => In(o.CommittedOn, before)).ToList();
        var offendingAfter = minors.Where(o => In(o.CommittedOn, after)).ToList();

        var asb = Reduction("AsbReduction", "ASB across the family", asbBefore.Count, asbAfter.Count, t.AsbReductionPercent, t.MeasureMonths);
        var offending = Reduction("YouthOffendingReduction", "Offending by children", offendingBefore.Count, offendingAfter.Count, t.OffendingReductionPercent, t.MeasureMonths);
        var (education, educationApplies) = Education(facts, entry, asOf, t);
        var newProblem = NewProblems(facts, entry, asOf, t, before, after);
        var applies = asbBefore.Count > 0 || offendingBefore.Count > 0 || educationApplies;
        var applicable = new ResultCheck("ProblemAtEntry", applies,
            applies ? "Crime, anti-social behaviour or education was a problem at entry" : "No anti-social behaviour, offending by children or education problem at entry",
            "At least one of them at entry");
        IReadOnlyList<ResultCheck> checks = [applicable, asb, offending, education, newProblem];
        return new ResultAssessment(ResultKind.CrimeAsbEducation, checks.All(c => c.Met), checks);
    }

    private static ResultCheck Reduction(string code, string what, int before, int after, decimal needed, int months)
    {
        if (before == 0)
        {
            return new ResultCheck(code, true, $"{what}: none in the {months} months before entry, so this part does not apply ({after} in the last {months} months)",
                $"{Percent(needed)} down, where there was any before entry");
        }

        // Shown to one decimal toward zero, so that a fall just short of the threshold (59.98%) never reads as 60%.
        var down = 100m * (before - after) / before;
        var measured = down >= 0
            ? $"{what} down {Percent(Math.Round(down, 1, MidpointRounding.ToZero))} over the last {months} months ({before} in the {months} months before entry, {after} since)"
            : $"{what} up {Percent(Math.Round(-down, 1))} over the last {months} months ({before} in the {months} months before entry, {after} since)";
        return new ResultCheck(code, down >= needed, measured, $"{Percent(needed)} down needed");
    }

    private static (ResultCheck Check, bool Applies) Education(FamilyFacts facts, DateOnly entry, DateOnly asOf, ResultsThresholds t)
    {
        var needed = $"Each child fewer than {t.FixedTermExclusions} fixed-term exclusions and less than {Percent(t.AbsencePercent)} unauthorised absence in the last {t.Terms} terms";
        var atEntry = facts.Members.Where(m => ChildEducationProblem(facts, m.PersonId, entry, t) is not null).Select(m => m.PersonId).ToList();
        var schoolChildren = facts.Members.Where(m => m.IsMemberOn(asOf) && m.AgeOn(asOf) < t.SchoolLeavingAge).ToList();
        var failing = schoolChildren.Select(m => ChildEducationProblem(facts, m.PersonId, asOf, t)).OfType<string>().ToList();
        if (atEntry.Count == 0)
        {
            return (new ResultCheck("Education", failing.Count == 0,
                failing.Count == 0 ? "No child had an education problem at entry, so this part does not apply" : $"No child had an education problem at entry; now {failing[0]}",
                needed), false);
        }

        var stillAtSchool = atEntry.Where(p => schoolChildren.Any(c => c.PersonId == p)).ToList();
        if (stillAtSchool.Count == 0 && failing.Count == 0)
        {
            return (new ResultCheck("Education", true,
                "Neutral: the children who needed to improve have left school, and no other child needs to improve", needed), true);
        }

        return failing.Count == 0
            ? (new ResultCheck("Education", true, $"Every child at school is below both in the last {t.Terms} terms", needed), true)
            : (new ResultCheck("Education", false, $"{char.ToUpperInvariant(failing[0][0])}{failing[0][1..]}", needed), true);
    }

    /// <summary>What a child's education problem is as at a day (null: none): too many exclusions or too much absence in the last terms.</summary>
    private static string? ChildEducationProblem(FamilyFacts facts, PersonId child, DateOnly day, ResultsThresholds t)
    {
        if (!facts.IsChildOn(child, day))
        {
            return null;
        }

        var terms = TermsTo(day, t.Terms);
        var records = facts.Education.Where(e => e.PersonId == child && e.Term >= terms[0] && e.Term <= terms[^1] && (e.On ?? e.Term.Start) <= day).ToList();
        var exclusions = records.Count(e => e.Kind == EducationKind.FixedTermExclusion);
        var attendance = records.Where(e => e.Kind == EducationKind.TermAttendance && e.SessionsPossible > 0).ToList();
        var absence = attendance.Count == 0 ? 0m : AbsencePercent(attendance);
        var excluded = records.Any(e => e.Kind is EducationKind.PermanentExclusion or EducationKind.NotOnRoll or EducationKind.AlternativeProvision);
        return exclusions >= t.FixedTermExclusions ? $"a child has {exclusions} fixed-term exclusions in the last {t.Terms} terms"
            : absence >= t.AbsencePercent ? $"a child has {Percent(Math.Round(absence, 1))} unauthorised absence over the last {t.Terms} terms"
            : excluded ? $"a child was permanently excluded, in alternative provision or not on a school roll in the last {t.Terms} terms"
            : null;
    }

    /// <summary>TF2: "a new problem appearing in another member invalidates the result" (crime/ASB or education, per member).</summary>
    private static ResultCheck NewProblems(FamilyFacts facts, DateOnly entry, DateOnly asOf, ResultsThresholds t, (DateOnly From, DateOnly To) before, (DateOnly From, DateOnly To) after)
    {
        bool CrimeOrAsb(PersonId person, (DateOnly From, DateOnly To) span) =>
            facts.Asb.Any(a => a.PersonId == person && In(a.OccurredOn, span) && facts.IsMemberOn(person, a.OccurredOn))
            || facts.Offences.Any(o => o.PersonId == person && o.ConvictedOn <= asOf && In(o.CommittedOn, span) && facts.IsMemberOn(person, o.CommittedOn));

        var appeared = new List<string>();
        foreach (var (member, index) in facts.Members.Select((m, i) => (m, i + 1)))
        {
            if (CrimeOrAsb(member.PersonId, after) && !CrimeOrAsb(member.PersonId, before))
            {
                appeared.Add($"crime or anti-social behaviour of member {index}");
            }

            if (ChildEducationProblem(facts, member.PersonId, asOf, t) is not null && ChildEducationProblem(facts, member.PersonId, entry, t) is null)
            {
                appeared.Add($"an education problem of member {index}");
            }
        }

        return new ResultCheck("NoNewProblem", appeared.Count == 0,
            appeared.Count == 0 ? "No member has a problem now that they did not have at entry" : $"New since entry: {string.Join("; ", appeared)}",
            "No new problem in any member since entry");
    }

    /// <summary>
    /// TF2 continuous employment: an adult who was on an out-of-work benefit at entry (or in the 6 months before) in
    /// continuous work since entry for 13 weeks (configurable): in-work spells without a gap and without a benefit.
    /// </summary>
    private static ResultAssessment Phase1Employment(FamilyFacts facts, DateOnly asOf, ResultsThresholds t)
    {
        if (Attachment(facts, asOf, t, needsMeasurePeriod: false) is { Met: false } notYet)
        {
            return new ResultAssessment(ResultKind.ContinuousEmployment, false, [notYet]);
        }

        var entry = facts.AttachedOn!.Value;
        var claimants = FormerClaimants(facts, entry, t);
        var claimant = new ResultCheck("FormerClaimant", claimants.Count > 0,
            claimants.Count > 0 ? $"{Adults(claimants.Count)} on an out-of-work benefit at entry" : "No adult on an out-of-work benefit at entry or in the months before",
            $"An adult on an out-of-work benefit at entry or in the {t.BenefitBeforeEntryMonths} months before");
        var longest = claimants.Select(c => LongestRunInWork(facts, c.PersonId, entry, asOf)).DefaultIfEmpty(0).Max();
        var needed = t.ContinuousWeeks * 7;
        var work = new ResultCheck("ContinuousWork", longest >= needed,
            $"Longest continuous work since entry: {Weeks(longest)}", $"{t.ContinuousWeeks} weeks in continuous work needed");
        return new ResultAssessment(ResultKind.ContinuousEmployment, claimant.Met && work.Met, [claimant, work]);
    }

    /// <summary>TF4 continuous employment: former JSA claimants in work 26 of the last 30 weeks, other claimants 13 of the last 15 (configurable), since entry.</summary>
    private static ResultAssessment Phase2Employment(FamilyFacts facts, DateOnly asOf, ResultsThresholds t)
    {
        if (Attachment(facts, asOf, t, needsMeasurePeriod: false) is { Met: false } notYet)
        {
            return new ResultAssessment(ResultKind.ContinuousEmployment, false, [notYet]);
        }

        var entry = facts.AttachedOn!.Value;
        var claimants = FormerClaimants(facts, entry, t);
        var claimant = new ResultCheck("FormerClaimant", claimants.Count > 0,
            claimants.Count > 0 ? $"{Adults(claimants.Count)} on an out-of-work benefit at entry" : "No adult on an out-of-work benefit at entry or in the months before",
            $"An adult on an out-of-work benefit at entry or in the {t.BenefitBeforeEntryMonths} months before");
        var best = claimants
            .Select(c =>
            {
                var jsa = c.Benefit == BenefitType.Jsa;
                var window = (jsa ? t.JsaWindowWeeks : t.OtherWindowWeeks) * 7;
                var from = Latest(asOf.AddDays(1 - window), entry);
                var days = DaysInWork(facts, c.PersonId, from, asOf);
                var needed = (jsa ? t.JsaWeeksInWork : t.OtherWeeksInWork) * 7;
                return (Jsa: jsa, Days: days, Needed: needed, Window: window / 7, Met: days >= needed);
            })
            .OrderByDescending(r => r.Met).ThenByDescending(r => r.Days - r.Needed)
            .ToList();
        var work = best.Count == 0
            ? new ResultCheck("WeeksInWork", false, "No former claimant", $"{t.JsaWeeksInWork} of the last {t.JsaWindowWeeks} weeks in work for former JSA claimants, {t.OtherWeeksInWork} of {t.OtherWindowWeeks} for other benefits")
            : new ResultCheck("WeeksInWork", best[0].Met,
                $"{Weeks(best[0].Days)} in work out of the last {best[0].Window} weeks ({(best[0].Jsa ? "former JSA claimant" : "former claimant of another benefit")})",
                $"{Weeks(best[0].Needed)} of the last {best[0].Window} weeks needed");
        return new ResultAssessment(ResultKind.ContinuousEmployment, claimant.Met && work.Met, [claimant, work]);
    }

    /// <summary>TF2 progress to work: an adult member who joined the Work Programme or ESF provision on or after entry.</summary>
    private static ResultAssessment ProgressToWork(FamilyFacts facts, DateOnly asOf)
    {
        if (facts.AttachedOn is not { } entry)
        {
            return new ResultAssessment(ResultKind.ProgressToWork, false, [NotAttached()]);
        }

        var attached = facts.Employment
            .Where(e => e.Kind is EmploymentKind.WorkProgramme or EmploymentKind.EsfProvision && e.From >= entry && e.From <= asOf && facts.IsAdultOn(e.PersonId, e.From))
            .OrderBy(e => e.From)
            .FirstOrDefault();
        var check = new ResultCheck("WorkProgrammeOrEsf", attached is not null,
            attached is { } spell ? $"An adult joined {(spell.Kind == EmploymentKind.WorkProgramme ? "the Work Programme" : "ESF provision")} on {Day(spell.From)}" : "No adult has joined the Work Programme or ESF provision since entry",
            "An adult volunteering for the Work Programme or attached to ESF provision after entry");
        return new ResultAssessment(ResultKind.ProgressToWork, check.Met, [check]);
    }

    /// <summary>
    /// TF4 significant and sustained progress: every headline problem identified at entry (by the phase 2 eligibility
    /// rules on the day of entry) is no longer met over the last 6 months (the same rules with a 6-month look-back),
    /// at least 6 months after entry.
    /// </summary>
    private static ResultAssessment SignificantAndSustainedProgress(FamilyFacts facts, DateOnly asOf, ResultsThresholds t, EligibilityThresholds eligibility)
    {
        if (Attachment(facts, asOf, t) is { Met: false } notYet)
        {
            return new ResultAssessment(ResultKind.SignificantAndSustainedProgress, false, [notYet]);
        }

        var entry = facts.AttachedOn!.Value;
        var atEntry = Phase2Problems(facts, entry, eligibility).Where(c => c.Met).ToList();
        if (atEntry.Count == 0)
        {
            return new ResultAssessment(ResultKind.SignificantAndSustainedProgress, false,
                [new ResultCheck("ProblemsAtEntry", false, "No headline problem was identified at entry", "At least one headline problem at entry")]);
        }

        var sustained = new EligibilityThresholds
        {
            LookbackMonths = t.MeasureMonths,
            Terms = eligibility.Terms,
            FixedTermExclusions = eligibility.FixedTermExclusions,
            AbsencePercent = eligibility.AbsencePercent,
        };
        var now = Phase2Problems(facts, asOf, sustained).ToDictionary(c => c.Code);
        var checks = atEntry
            .Select(problem => new ResultCheck(problem.Code, !now[problem.Code].Met,
                now[problem.Code].Met ? $"{Capital(Name(problem.Code))} is still a problem: {now[problem.Code].Found}" : $"{Capital(Name(problem.Code))} is no longer a problem over the last {t.MeasureMonths} months",
                $"No longer a problem over the last {t.MeasureMonths} months"))
            .ToList();
        return new ResultAssessment(ResultKind.SignificantAndSustainedProgress, checks.All(c => c.Met), checks);
    }

    private static ResultCheck? Attachment(FamilyFacts facts, DateOnly asOf, ResultsThresholds t, bool needsMeasurePeriod = true)
    {
        if (facts.AttachedOn is not { } entry)
        {
            return NotAttached();
        }

        var measurable = entry.AddMonths(t.MeasureMonths);
        return needsMeasurePeriod && asOf < measurable
            ? new ResultCheck("MeasurePeriod", false, $"Attached on {Day(entry)}: the {t.MeasureMonths} months after entry end on {Day(measurable.AddDays(-1))}",
                $"{t.MeasureMonths} months since entry")
            : entry > asOf ? new ResultCheck("Attached", false, $"Attached on {Day(entry)}, after the day asked about", "Attached by the day") : null;
    }

    private static ResultCheck NotAttached() => new("Attached", false, "Not attached to Troubled Families", "Attached to the programme");

    private static List<(PersonId PersonId, BenefitType? Benefit)> FormerClaimants(FamilyFacts facts, DateOnly entry, ResultsThresholds t)
    {
        var from = entry.AddMonths(-t.BenefitBeforeEntryMonths);
        return [.. facts.Employment
            .Where(e => e.Kind == EmploymentKind.OutOfWorkBenefit && e.From <= entry && (e.To is null || e.To >= from) && facts.IsAdultOn(e.PersonId, entry))
            .GroupBy(e => e.PersonId)
            .Select(g => (g.Key, g.OrderByDescending(e => e.From).First().Benefit))];
    }

    /// <summary>Days in work: covered by an in-work spell and by no out-of-work benefit, while a member.</summary>
    private static bool InWorkOn(FamilyFacts facts, PersonId person, DateOnly day) =>
        facts.IsMemberOn(person, day)
        && facts.Employment.Any(e => e.PersonId == person && e.Kind == EmploymentKind.InWork && e.IsOn(day))
        && !facts.Employment.Any(e => e.PersonId == person && e.Kind == EmploymentKind.OutOfWorkBenefit && e.IsOn(day));

    private static int LongestRunInWork(FamilyFacts facts, PersonId person, DateOnly from, DateOnly to)
    {
        int longest = 0, run = 0;
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            run = InWorkOn(facts, person, day) ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        return longest;
    }

    private static int DaysInWork(FamilyFacts facts, PersonId person, DateOnly from, DateOnly to)
    {
        var days = 0;
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            days += InWorkOn(facts, person, day) ? 1 : 0;
        }

        return days;
    }

    private static bool In(DateOnly day, (DateOnly From, DateOnly To) span) => span.From <= day && day <= span.To;

    private static DateOnly Latest(DateOnly a, DateOnly b) => a > b ? a : b;

    private static string Weeks(int days) =>
        days % 7 == 0 ? $"{days / 7} weeks" : $"{(days / 7m).ToString("0.#", CultureInfo.InvariantCulture)} weeks";

    private static string Adults(int count) => count == 1 ? "1 adult" : $"{count} adults";

    private static string Capital(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
