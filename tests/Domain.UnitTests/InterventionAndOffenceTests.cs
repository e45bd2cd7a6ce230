using CaseManager.Domain.Agencies;
using CaseManager.Domain.Cases;
using CaseManager.Domain.Common;
using CaseManager.Domain.Interventions;
using CaseManager.Domain.Offending;
using CaseManager.Domain.People;

namespace CaseManager.Domain.UnitTests;

public sealed class InterventionAndOffenceTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 26);
    private static readonly AgencyCode Police = AgencyCode.Parse("POLICE");
    private static readonly AgencyCode Probation = AgencyCode.Parse("PROBATION");

    private static Case IomCase() => Case.OpenIom(new PersonId(Guid.NewGuid()), Probation, Today.AddMonths(-2), null,
        new IomDetails("Fixed", null, "Panel", null, null, false, false, null), null, Now, Today);

    private static InterventionDetails Work(InterventionType type, DrugTestResult? result = null, IReadOnlyList<Substance>? substances = null, DateTimeOffset? at = null) =>
        new(type, at ?? Now.AddDays(-1), 30, null, null, result, substances);

    [Theory]
    [InlineData(InterventionType.DrugTest, DataCategory.HealthSubstanceMisuse)]
    [InlineData(InterventionType.AlcoholTreatmentSession, DataCategory.HealthSubstanceMisuse)]
    [InlineData(InterventionType.HomeVisit, DataCategory.Offending)]
    [InlineData(InterventionType.PrisonVisit, DataCategory.Offending)]
    [InlineData(InterventionType.CourseAttendance, DataCategory.Offending)]
    [InlineData(InterventionType.RestorativeJusticeConference, DataCategory.Offending)]
    [InlineData(InterventionType.BreachAction, DataCategory.Offending)]
    public void EveryInterventionType_BelongsToTheDataCategoryItIsSharedBy(InterventionType type, DataCategory category) =>
        InterventionTypes.CategoryOf(type, Scheme.Iom).Should().Be(category);

    /// <summary>DT5, IS2: on a treatment case every entry of the log is health data, whatever its kind.</summary>
    [Theory]
    [InlineData(Scheme.AdultTreatment, InterventionType.Keywork)]
    [InlineData(Scheme.AdultTreatment, InterventionType.HomeVisit)]
    [InlineData(Scheme.AdultTreatment, InterventionType.OfficeAppointment)]
    [InlineData(Scheme.YoungPeopleTreatment, InterventionType.PhoneContact)]
    [InlineData(Scheme.YoungPeopleTreatment, InterventionType.Other)]
    [InlineData(Scheme.YoungPeopleTreatment, InterventionType.Keywork)]
    public void WorkOnATreatmentCase_IsHealthData_WhateverItsKind(Scheme scheme, InterventionType type)
    {
        var onCase = Case.Open(new PersonId(Guid.NewGuid()), scheme, AgencyCode.Parse("DAAT"), Today.AddMonths(-2), null, Now, Today);

        var work = Intervention.Log(onCase, Work(type), Today.AddDays(-1), AgencyCode.Parse("DAAT"), Guid.NewGuid(), Now);

        work.DataCategory.Should().Be(DataCategory.HealthSubstanceMisuse);
    }

    [Fact]
    public void Keywork_IsLoggedOnTreatmentCasesOnly()
    {
        InterventionTypes.For(Scheme.AdultTreatment).Should().Contain(InterventionType.Keywork);
        InterventionTypes.For(Scheme.YoungPeopleTreatment).Should().Contain(InterventionType.Keywork);
        InterventionTypes.For(Scheme.Iom).Should().NotContain(InterventionType.Keywork);

        var act = () => Intervention.Log(IomCase(), Work(InterventionType.Keywork), Today.AddDays(-1), Probation, Guid.NewGuid(), Now);

        act.Should().Throw<DomainRuleException>().Which.Code.Should().Be("intervention.type");
    }

    [Fact]
    public void Log_BelongsToTheLoggingAgency_NotTheCaseOwner()
    {
        var onCase = IomCase();

        var work = Intervention.Log(onCase, Work(InterventionType.HomeVisit), Today.AddDays(-1), Police, Guid.NewGuid(), Now);

        work.OwnerAgency.Should().Be(Police);
        work.PersonId.Should().Be(onCase.PersonId);
        work.CaseId.Should().Be(onCase.Id);
        work.DataCategory.Should().Be(DataCategory.Offending);
    }

    [Fact]
    public void Log_APositiveDrugTest_KeepsItsSubstancesInOrder()
    {
        var work = Intervention.Log(IomCase(), Work(InterventionType.DrugTest, DrugTestResult.Positive, [Substance.Cocaine, Substance.Opiates, Substance.Cocaine]), Today.AddDays(-1), Probation, Guid.NewGuid(), Now);

        work.Substances.Should().Equal(Substance.Opiates, Substance.Cocaine);
    }

    [Theory]
    [InlineData(InterventionType.DrugTest, null, false, "intervention.drug-test-result")]
    [InlineData(InterventionType.HomeVisit, DrugTestResult.Negative, false, "intervention.not-drug-test")]
    [InlineData(InterventionType.DrugTest, DrugTestResult.Negative, true, "intervention.substances")]
    public void Log_WithDrugTestDetailsThatDoNotFit_IsRejected(InterventionType type, DrugTestResult? result, bool withSubstances, string code)
    {
        var act = () => Intervention.Log(IomCase(), Work(type, result, withSubstances ? [Substance.Cannabis] : null), Today.AddDays(-1), Probation, Guid.NewGuid(), Now);

        act.Should().Throw<DomainRuleException>().Which.Code.Should().Be(code);
    }

    [Fact]
    public void Log_InTheFuture_BeforeTheCaseStarted_OrOnAnExitedCase_IsRejected()
    {
        var onCase = IomCase();
        var future = () => Intervention.Log(onCase, Work(InterventionType.PhoneContact, at: Now.AddMinutes(5)), Today, Probation, Guid.NewGuid(), Now);
        var early = () => Intervention.Log(onCase, Work(InterventionType.PhoneContact, at: Now.AddMonths(-3)), Today.AddMonths(-3), Probation, Guid.NewGuid(), Now);
        future.Should().Throw<DomainRuleException>().Which.Code.Should().Be("intervention.in-future");
        early.Should().Throw<DomainRuleException>().Which.Code.Should().Be("intervention.before-start");

        onCase.NominateExit(ExitReason.Deceased, "Died", null, Guid.NewGuid(), Now);
        onCase.ApproveExit(Guid.NewGuid(), null, Today, Now);
        var afterExit = () => Intervention.Log(onCase, Work(InterventionType.PhoneContact), Today.AddDays(-1), Probation, Guid.NewGuid(), Now);
        afterExit.Should().Throw<DomainRuleException>().Which.Code.Should().Be("case.already-exited");
    }

    [Fact]
    public void Log_ATypeTheSchemeDoesNotRecord_IsRejected()
    {
        var family = Case.Open(new PersonId(Guid.NewGuid()), Scheme.Fit, AgencyCode.Parse("FIT"), Today.AddDays(-10), null, Now, Today);

        var act = () => Intervention.Log(family, Work(InterventionType.PrisonVisit), Today.AddDays(-1), AgencyCode.Parse("FIT"), Guid.NewGuid(), Now);

        act.Should().Throw<DomainRuleException>().Which.Code.Should().Be("intervention.type");
    }

    [Fact]
    public void Offence_IsOffendingDataOfThePerson_AndItsDatesAreChecked()
    {
        var person = new PersonId(Guid.NewGuid());
        var offence = Offence.Record(person, "BurglaryDwelling", Today.AddMonths(-2), Today.AddMonths(-1), "Custody", Police, Guid.NewGuid(), Now, Today);
        var future = () => Offence.Record(person, "Theft", Today.AddDays(1), null, null, Police, Guid.NewGuid(), Now, Today);
        var convictedFirst = () => Offence.Record(person, "Theft", Today.AddDays(-5), Today.AddDays(-6), null, Police, Guid.NewGuid(), Now, Today);

        offence.DataCategory.Should().Be(DataCategory.Offending);
        offence.OwnerAgency.Should().Be(Police);
        future.Should().Throw<DomainRuleException>().Which.Code.Should().Be("offence.in-future");
        convictedFirst.Should().Throw<DomainRuleException>().Which.Code.Should().Be("offence.conviction-date");
    }

    [Fact]
    public void OffenceType_ACostNeedsItsPriceYear_AndCannotBeNegative()
    {
        var costed = OffenceType.Define("Arson", "Arson", 8000m, 2018);
        var noYear = () => OffenceType.Define("Arson", "Arson", 8000m, null);
        var negative = () => costed.Change("Arson", -1m, 2018);
        var badCode = () => OffenceType.Define("Arson and more", "Arson", null, null);

        costed.PriceYear.Should().Be(2018);
        noYear.Should().Throw<DomainRuleException>().Which.Code.Should().Be("offence-type.price-year");
        negative.Should().Throw<DomainRuleException>().Which.Code.Should().Be("offence-type.cost");
        badCode.Should().Throw<DomainRuleException>().Which.Code.Should().Be("offence-type.code");
    }
}
