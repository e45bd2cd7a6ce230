using CaseManager.Domain.Agencies;
using CaseManager.Domain.Cases;
using CaseManager.Domain.Common;
using CaseManager.Domain.People;

namespace CaseManager.Domain.UnitTests;

/// <summary>The case lifecycle and the shared exit workflow (DOMAIN.md IOM6): nominate, then approve or reject, four eyes.</summary>
public sealed class CaseLifecycleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 26);
    private static readonly AgencyCode Police = AgencyCode.Parse("POLICE");
    private static readonly Guid Caseworker = Guid.NewGuid();
    private static readonly Guid Manager = Guid.NewGuid();

    private static IomDetails Selection(string cohort = "Fixed") => new(cohort, "Red", "Three burglaries in six months", "OGRS 81%", null, false, false, null);

    private static Case OpenIom(CustodyStatus? custody = null) =>
        Case.OpenIom(new PersonId(Guid.NewGuid()), Police, Today.AddMonths(-3), Caseworker, Selection(), custody, Now, Today);

    [Fact]
    public void OpenIom_RecordsSelectionAndStartsActiveAsOffendingData()
    {
        var opened = OpenIom(new CustodyStatus(true, " HMP Durham ", Today.AddMonths(2)));

        opened.Status.Should().Be(CaseStatus.Active);
        opened.Scheme.Should().Be(Scheme.Iom);
        opened.DataCategory.Should().Be(DataCategory.Offending);
        opened.Iom!.Cohort.Should().Be("Fixed");
        opened.Custody.Should().Be(new CustodyStatus(true, "HMP Durham", Today.AddMonths(2)));
    }

    [Fact]
    public void OpenIom_InCustodyWithoutEstablishment_IsRejected()
    {
        var act = () => OpenIom(new CustodyStatus(true, null, null));

        act.Should().Throw<DomainRuleException>().Which.Code.Should().Be("case.custody-establishment");
    }

    [Fact]
    public void OpenIom_WithoutSelectionReason_IsRejected()
    {
        var act = () => Case.OpenIom(new PersonId(Guid.NewGuid()), Police, Today, Caseworker, Selection() with { SelectionReason = " " }, null, Now, Today);

        act.Should().Throw<DomainRuleException>().Which.Code.Should().Be("case.selection-reason");
    }

    [Fact]
    public void Open_StartingTomorrow_IsRejected()
    {
        var act = () => Case.Open(new PersonId(Guid.NewGuid()), Scheme.Fit, Police, Today.AddDays(1), null, Now, Today);

        act.Should().Throw<DomainRuleException>().Which.Code.Should().Be("case.start-in-future");
    }

    [Fact]
    public void NominateThenApprove_ExitsTheCaseAndCancelsTheNextReview()
    {
        var worked = OpenIom();
        worked.ScheduleNextReview(Today.AddDays(5));

        worked.NominateExit(ExitReason.SustainedProgress, "Eight months of progress", "Completion letter", Caseworker, Now);
        worked.ApproveExit(Manager, "Agreed", Today, Now.AddHours(2));

        worked.Status.Should().Be(CaseStatus.Exited);
        worked.ExitedOn.Should().Be(Today);
        worked.NextReviewDue.Should().BeNull();
        worked.ExitNominations.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            Reason = ExitReason.SustainedProgress,
            NominatedBy = Caseworker,
            Decision = (ExitDecision?)ExitDecision.Approved,
            DecidedBy = (Guid?)Manager,
            DecisionNote = "Agreed",
        });
    }

    [Fact]
    public void Approve_ByTheNominator_BreaksFourEyes()
    {
        var worked = OpenIom();
        worked.NominateExit(ExitReason.MovedOutOfArea, "Moved to Leeds", null, Manager, Now);

        var approve = () => worked.ApproveExit(Manager, null, Today, Now);
        var reject = () => worked.RejectExit(Manager, "Changed my mind", Now);

        approve.Should().Throw<FourEyesException>();
        reject.Should().Throw<FourEyesException>();
        worked.Status.Should().Be(CaseStatus.ExitNominated);
    }

    [Fact]
    public void Reject_NeedsANote_AndReturnsTheCaseToActive_KeepingTheHistory()
    {
        var worked = OpenIom();
        worked.NominateExit(ExitReason.NoOffendingForPeriod, "Quiet since June", null, Caseworker, Now);

        var withoutNote = () => worked.RejectExit(Manager, "  ", Now);
        withoutNote.Should().Throw<DomainRuleException>().Which.Code.Should().Be("case.rejection-note");

        worked.RejectExit(Manager, "New intelligence", Now);
        worked.NominateExit(ExitReason.Other, "Try again later", null, Caseworker, Now.AddDays(30));

        worked.Status.Should().Be(CaseStatus.ExitNominated);
        worked.ExitNominations.Should().HaveCount(2);
        worked.ExitNominations[0].Decision.Should().Be(ExitDecision.Rejected);
        worked.PendingExitNomination.Should().BeSameAs(worked.ExitNominations[1]);
    }

    [Fact]
    public void Nominate_Twice_OrWithoutANote_OrAfterExit_IsRefused()
    {
        var worked = OpenIom();
        var withoutNote = () => worked.NominateExit(ExitReason.Other, null, null, Caseworker, Now);
        withoutNote.Should().Throw<DomainRuleException>().Which.Code.Should().Be("case.exit-note");

        worked.NominateExit(ExitReason.Deceased, "Died on 20 November", null, Caseworker, Now);
        var twice = () => worked.NominateExit(ExitReason.Other, "Again", null, Caseworker, Now);
        twice.Should().Throw<DomainRuleException>().Which.Code.Should().Be("case.exit-already-nominated");

        worked.ApproveExit(Manager, null, Today, Now);
        var afterExit = () => worked.NominateExit(ExitReason.Other, "Again", null, Caseworker, Now);
        afterExit.Should().Throw<DomainRuleException>().Which.Code.Should().Be("case.already-exited");
        var change = () => worked.UpdateIom(Selection("Free"), CustodyStatus.InCommunity);
        change.Should().Throw<DomainRuleException>().Which.Code.Should().Be("case.already-exited");
    }

    [Fact]
    public void Approve_WithoutANomination_IsRefused()
    {
        var worked = OpenIom();

        var act = () => worked.ApproveExit(Manager, null, Today, Now);

        act.Should().Throw<DomainRuleException>().Which.Code.Should().Be("case.no-exit-nomination");
    }

    [Fact]
    public void ExitReasons_IomTakesTheWholeListAndOtherSchemesTheCommonOnes()
    {
        ExitReasons.For(Scheme.Iom).Should().Contain([ExitReason.TransferredToMappa, ExitReason.LongCustodialSentence, ExitReason.NoOffendingForPeriod]);
        ExitReasons.For(Scheme.Fit).Should().NotContain(ExitReason.TransferredToMappa);

        var family = Case.Open(new PersonId(Guid.NewGuid()), Scheme.Fit, AgencyCode.Parse("FIT"), Today, Caseworker, Now, Today);
        var act = () => family.NominateExit(ExitReason.TransferredToMappa, "Not a family reason", null, Caseworker, Now);
        act.Should().Throw<DomainRuleException>().Which.Code.Should().Be("case.exit-reason");
    }

    [Fact]
    public void UpdateIom_MovesTheVersionOn_AndReleaseClearsTheEstablishment()
    {
        var worked = OpenIom(new CustodyStatus(true, "HMP Durham", null));
        var before = worked.Version;

        worked.UpdateIom(Selection() with { Tier = "Amber" }, new CustodyStatus(false, "HMP Durham", null));

        worked.Version.Should().Be(before + 1);
        worked.Iom!.Tier.Should().Be("Amber");
        worked.Custody.Should().Be(CustodyStatus.InCommunity);
    }
}
