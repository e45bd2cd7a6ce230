using CaseManager.Domain.Outcomes;
using CaseManager.Domain.People;
using CaseManager.Domain.TroubledFamilies;
using static CaseManager.Domain.UnitTests.TroubledFamilies.FamilyBuilder;

namespace CaseManager.Domain.UnitTests.TroubledFamilies;

/// <summary>TF1 and TF4 at their edges (DOMAIN.md): each table row is one family and what the rule must say.</summary>
public sealed class EligibilityEngineTests
{
    private static readonly EligibilityOptions Defaults = new();

    private static EligibilityCriterion Phase1Criterion(FamilyFacts facts, string code, DateOnly? asOf = null) =>
        EligibilityEngine.Phase1(facts, asOf ?? AsOf, Defaults).Criteria.Single(c => c.Code == code);

    [Theory]
    [InlineData(364, true)]
    [InlineData(365, false)]
    [InlineData(0, true)]
    public void CrimeAsb_AnOffenceByAChild_CountsOnlyInTheTwelveMonthsEndingOnTheDay(int daysBefore, bool met)
    {
        var facts = AFamily().Child(out var child).Offence(child, AsOf.AddDays(-daysBefore)).Build();

        Phase1Criterion(facts, EligibilityEngine.CrimeAsb).Met.Should().Be(met, "TF1 (a): 12 months to 26 November 2026 start on 27 November 2025");
    }

    [Theory]
    [InlineData(-1, true)]
    [InlineData(0, false)]
    [InlineData(1, false)]
    public void CrimeAsb_AnOffenceByAMemberTurning18_CountsOnlyIfCommittedBeforeTheBirthday(int daysFromBirthday, bool met)
    {
        var eighteenth = AsOf.AddDays(-100);
        var facts = AFamily().Member(out var son, eighteenth.AddYears(-18)).Offence(son, eighteenth.AddDays(daysFromBirthday)).Build();

        Phase1Criterion(facts, EligibilityEngine.CrimeAsb).Met.Should().Be(met);
    }

    [Fact]
    public void CrimeAsb_AnOffenceNotYetProvenOnTheDay_DoesNotCount()
    {
        var facts = AFamily().Child(out var child).Offence(child, AsOf.AddDays(-30), convictedOn: AsOf.AddDays(1)).Build();

        Phase1Criterion(facts, EligibilityEngine.CrimeAsb).Met.Should().BeFalse();
        Phase1Criterion(facts, EligibilityEngine.CrimeAsb, AsOf.AddDays(1)).Met.Should().BeTrue();
    }

    [Theory]
    [InlineData(AsbKind.Injunction, true)]
    [InlineData(AsbKind.AcceptableBehaviourContract, true)]
    [InlineData(AsbKind.CriminalBehaviourOrder, true)]
    [InlineData(AsbKind.HousingIntervention, true)]
    [InlineData(AsbKind.CommunityProtectionNotice, true)]
    [InlineData(AsbKind.Incident, false)]
    [InlineData(AsbKind.Warning, false)]
    public void CrimeAsb_InPhase1_NeedsAnOrderOrInterventionNotAnIncident_WhilePhase2CountsAny(AsbKind kind, bool phase1)
    {
        var facts = AFamily().Adult(out var mother).Asb(mother, AsOf.AddDays(-10), kind).Build();

        Phase1Criterion(facts, EligibilityEngine.CrimeAsb).Met.Should().Be(phase1);
        EligibilityEngine.Phase2(facts, AsOf, Defaults).Criteria.Single(c => c.Code == "CrimeAsb").Met.Should().BeTrue();
    }

    [Theory]
    [InlineData(-1, false)]
    [InlineData(0, true)]
    [InlineData(30, true)]
    public void CrimeAsb_ARecordCountsOnlyWhileThePersonWasAMember_EndedMembership(int daysBeforeLeaving, bool met)
    {
        var left = AsOf.AddDays(-60);
        var facts = AFamily().Member(out var lodger, new DateOnly(1990, 1, 1), to: left).Asb(lodger, left.AddDays(-daysBeforeLeaving)).Build();

        Phase1Criterion(facts, EligibilityEngine.CrimeAsb).Met.Should().Be(met);
    }

    [Theory]
    [InlineData(-1, false)]
    [InlineData(0, true)]
    public void CrimeAsb_AMembershipStartingMidPeriod_CountsFromItsFirstDay(int daysFromJoining, bool met)
    {
        var joined = AsOf.AddDays(-90);
        var facts = AFamily().Member(out var partner, new DateOnly(1990, 1, 1), from: joined).Asb(partner, joined.AddDays(daysFromJoining)).Build();

        Phase1Criterion(facts, EligibilityEngine.CrimeAsb).Met.Should().Be(met);
    }

    [Theory]
    [InlineData(149, 1000, false)]
    [InlineData(150, 1000, true)]
    [InlineData(151, 1000, true)]
    [InlineData(0, 1000, false)]
    public void Education_UnauthorisedAbsence_MeetsAt15PercentExactly(int absent, int possible, bool met)
    {
        var facts = AFamily().Child(out var child).Attendance(child, "2026-Autumn", possible, absent).Build();

        Phase1Criterion(facts, EligibilityEngine.Education).Met.Should().Be(met, $"{absent}/{possible} is {100m * absent / possible}%");
    }

    [Fact]
    public void Education_Absence_IsWorkedOutOverTheThreeTermsTogether_AndAnOlderTermIsLeftOut()
    {
        var facts = AFamily().Child(out var child)
            .Attendance(child, "2026-Autumn", 100, 10)
            .Attendance(child, "2026-Summer", 100, 20)
            .Attendance(child, "2026-Spring", 100, 15)
            .Attendance(child, "2025-Autumn", 100, 100)
            .Build();

        var criterion = Phase1Criterion(facts, EligibilityEngine.Education);

        criterion.Met.Should().BeTrue("45 of 300 sessions is 15%");
        criterion.Evidence.Should().HaveCount(3, "2025-Autumn is the fourth term back");
        var lower = AFamily().Child(out var other).Attendance(other, "2026-Autumn", 100, 10).Attendance(other, "2026-Summer", 100, 20)
            .Attendance(other, "2026-Spring", 100, 14).Build();
        Phase1Criterion(lower, EligibilityEngine.Education).Found.Should().Contain("14.7%");
    }

    [Theory]
    [InlineData(2, false)]
    [InlineData(3, true)]
    public void Education_FixedTermExclusions_MeetWithThreeInTheLastThreeTerms(int exclusions, bool met)
    {
        var builder = AFamily().Child(out var child);
        DateOnly[] days = [new(2026, 11, 2), new(2026, 6, 10), new(2026, 2, 3)];
        foreach (var day in days.Take(exclusions))
        {
            builder.Exclusion(child, day);
        }

        var criterion = Phase1Criterion(builder.Exclusion(child, new DateOnly(2025, 12, 1)).Build(), EligibilityEngine.Education);

        criterion.Met.Should().Be(met, "the exclusion in 2025-Autumn is outside the last three terms");
        if (!met)
        {
            criterion.Found.Should().Contain("Most fixed-term exclusions of one child: 2");
            criterion.Missing.Should().Contain("3 or more fixed-term exclusions");
        }
    }

    [Fact]
    public void Education_ExclusionsOfTwoChildren_AreNotAddedTogether()
    {
        var facts = AFamily().Child(out var first).Child(out var second)
            .Exclusion(first, new DateOnly(2026, 11, 2)).Exclusion(first, new DateOnly(2026, 6, 10))
            .Exclusion(second, new DateOnly(2026, 2, 3)).Build();

        Phase1Criterion(facts, EligibilityEngine.Education).Met.Should().BeFalse();
    }

    [Theory]
    [InlineData(EducationKind.PermanentExclusion)]
    [InlineData(EducationKind.AlternativeProvision)]
    [InlineData(EducationKind.NotOnRoll)]
    public void Education_APermanentExclusionProvisionOrNoRoll_MeetsItAlone(EducationKind kind)
    {
        var facts = AFamily().Child(out var child).Education(child, kind, new DateOnly(2026, 3, 1)).Build();

        var criterion = Phase1Criterion(facts, EligibilityEngine.Education);

        criterion.Met.Should().BeTrue();
        criterion.Evidence.Should().ContainSingle().Which.Kind.Should().Be("Education");
    }

    [Fact]
    public void Education_OfAMemberWhoWas18_DoesNotCount()
    {
        var facts = AFamily().Member(out var adult, new DateOnly(2008, 1, 1)).Education(adult, EducationKind.NotOnRoll, new DateOnly(2026, 3, 1)).Build();

        Phase1Criterion(facts, EligibilityEngine.Education).Met.Should().BeFalse();
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, false)]
    public void Work_AnAdultOnAnOutOfWorkBenefitOnTheDay_MeetsIt(int daysEndedBefore, bool met)
    {
        var facts = AFamily().Adult(out var mother).Benefit(mother, new DateOnly(2025, 1, 1), AsOf.AddDays(-daysEndedBefore)).Build();

        Phase1Criterion(facts, EligibilityEngine.Work).Met.Should().Be(met);
    }

    [Fact]
    public void Work_AChildOnABenefit_DoesNotMeetIt()
    {
        var facts = AFamily().Child(out var child, age: 17).Benefit(child, new DateOnly(2026, 1, 1)).Build();

        Phase1Criterion(facts, EligibilityEngine.Work).Met.Should().BeFalse();
    }

    public static TheoryData<bool, bool, bool, bool, bool> Phase1Combinations => new()
    {
        { true, true, true, false, true },
        { true, true, false, true, true },
        { true, false, true, true, true },
        { false, true, true, true, true },
        { true, true, false, false, false },
        { true, false, false, true, false },
        { false, false, false, true, false },
        { false, false, false, false, false },
    };

    [Theory]
    [MemberData(nameof(Phase1Combinations))]
    public void Phase1_IsEligibleWithAllThree_OrTwoAndALocalCriterion(bool crime, bool education, bool work, bool local, bool eligible)
    {
        var builder = AFamily().Child(out var child).Adult(out var mother);
        if (crime)
        {
            builder.Offence(child, AsOf.AddMonths(-2));
        }

        if (education)
        {
            builder.Education(child, EducationKind.PermanentExclusion, AsOf.AddDays(-20));
        }

        if (work)
        {
            builder.Benefit(mother, AsOf.AddYears(-2));
        }

        if (local)
        {
            builder.LocalCriterion(LocalCriteria.RiskOfEviction, AsOf.AddDays(-5));
        }

        var result = EligibilityEngine.Phase1(builder.Build(), AsOf, Defaults);

        result.Eligible.Should().Be(eligible, result.Summary);
        result.Criteria.Select(c => c.Code).Should().Equal("CrimeAsb", "Education", "Work", "Local");
        result.Criteria.Select(c => c.Met).Should().Equal(crime, education, work, local);
        result.Criteria.Where(c => !c.Met).Should().OnlyContain(c => c.Missing != null && c.Evidence.Count == 0);
    }

    [Theory]
    [InlineData(12, false)]
    [InlineData(11, true)]
    public void Local_ACriterionOlderThanTheLookback_DoesNotCount(int monthsBefore, bool met)
    {
        var facts = AFamily().Adult(out _).LocalCriterion(LocalCriteria.ChildProtectionPlan, AsOf.AddMonths(-monthsBefore)).Build();

        Phase1Criterion(facts, EligibilityEngine.Local).Met.Should().Be(met);
    }

    [Fact]
    public void Local_AboutAMemberWhoHadLeft_DoesNotCount()
    {
        var facts = AFamily().Member(out var gone, new DateOnly(1980, 1, 1), to: AsOf.AddMonths(-3)).LocalCriterion(LocalCriteria.MemberInCustody, AsOf.AddMonths(-1), gone).Build();

        Phase1Criterion(facts, EligibilityEngine.Local).Met.Should().BeFalse();
    }

    [Fact]
    public void Thresholds_AreConfigurationPerPhase()
    {
        var facts = AFamily().Child(out var child).Attendance(child, "2026-Autumn", 100, 10).Build();
        var options = new EligibilityOptions { Phase1 = new EligibilityThresholds { AbsencePercent = 10m } };

        EligibilityEngine.Phase1(facts, AsOf, options).Criteria.Single(c => c.Code == "Education").Met.Should().BeTrue();
        EligibilityEngine.Phase2(facts, AsOf, options).Criteria.Single(c => c.Code == "SchoolAttendance").Met.Should().BeFalse("phase 2 keeps its own 15%");
    }

    public static TheoryData<string, string> LocalProblems => new()
    {
        { LocalCriteria.ChildProtectionPlan, "ChildrenNeedHelp" },
        { LocalCriteria.RiskOfEviction, "Worklessness" },
        { LocalCriteria.DomesticAbuse, "DomesticAbuse" },
        { LocalCriteria.SubstanceMisuse, "Health" },
        { LocalCriteria.MemberInCustody, "CrimeAsb" },
    };

    [Theory]
    [MemberData(nameof(LocalProblems))]
    public void Phase2_ALocalCriterion_CountsAsItsHeadlineProblem(string criterion, string problem)
    {
        var facts = AFamily().Adult(out _).LocalCriterion(criterion, AsOf.AddDays(-3)).Build();

        var result = EligibilityEngine.Phase2(facts, AsOf, Defaults);

        result.Criteria.Where(c => c.Met).Select(c => c.Code).Should().Equal(problem);
        result.Eligible.Should().BeFalse(result.Summary);
    }

    [Fact]
    public void Phase2_TwoHeadlineProblems_AreEligible_OneIsNot()
    {
        var one = AFamily().Adult(out var mother).Treatment(mother, AsOf.AddMonths(-14), AsOf.AddMonths(-12)).Build();
        var two = AFamily().Adult(out var father).Treatment(father, AsOf.AddMonths(-14), AsOf.AddMonths(-12).AddDays(1)).Benefit(father, AsOf.AddYears(-1)).Build();

        var single = EligibilityEngine.Phase2(one, AsOf, Defaults);
        var both = EligibilityEngine.Phase2(two, AsOf, Defaults);

        single.Eligible.Should().BeFalse();
        single.Criteria.Should().OnlyContain(c => !c.Met, "an episode that ended before the 12 months does not show health now");
        both.Eligible.Should().BeTrue(both.Summary);
        both.Criteria.Where(c => c.Met).Select(c => c.Code).Should().Equal("Worklessness", "Health");
        both.Criteria.Select(c => c.Code).Should().Equal("CrimeAsb", "SchoolAttendance", "ChildrenNeedHelp", "Worklessness", "DomesticAbuse", "Health");
    }

    [Fact]
    public void Evidence_NamesTheRecordsPersonAndDay()
    {
        var facts = AFamily().Child(out var child).Offence(child, new DateOnly(2026, 9, 1), new DateOnly(2026, 10, 1)).Build();

        var evidence = Phase1Criterion(facts, EligibilityEngine.CrimeAsb).Evidence.Single();

        evidence.Should().BeEquivalentTo(new { Kind = "Offence", RecordId = facts.Offences[0].RecordId, PersonId = (PersonId?)child, On = new DateOnly(2026, 9, 1) });
    }

    [Theory]
    [InlineData("2026-11-26", "2026-Autumn", "2026-Spring")]
    [InlineData("2026-01-01", "2026-Spring", "2025-Summer")]
    [InlineData("2026-04-01", "2026-Summer", "2025-Autumn")]
    public void TermsTo_AreTheDaysTermAndTheTwoBefore(string day, string last, string first)
    {
        var terms = EligibilityEngine.TermsTo(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), 3);

        terms.Select(t => t.ToString()).Should().Equal(first, terms[1].ToString(), last);
        (terms[2].Ordinal - terms[0].Ordinal).Should().Be(2);
    }
}
