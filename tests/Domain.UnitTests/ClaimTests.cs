using CaseManager.Domain.Agencies;
using CaseManager.Domain.Cases;
using CaseManager.Domain.Claims;
using CaseManager.Domain.Common;
using CaseManager.Domain.Households;

namespace CaseManager.Domain.UnitTests;

/// <summary>A claim's life (DOMAIN.md TF5): preparation, a second person's decisions, submission and the freeze.</summary>
public sealed class ClaimTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 10, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 12, 10);
    private static readonly Guid Preparer = Guid.NewGuid();
    private static readonly Guid Auditor = Guid.NewGuid();
    private static readonly AgencyCode Council = AgencyCode.Parse("COUNCIL");

    private static Claim Draft(ClaimKind kind, out ClaimLine line)
    {
        var claim = Claim.Prepare(1, kind, ClaimWindow.Parse("2026-11"), Preparer, Council, Now, Today);
        claim.Start(1);
        line = claim.Propose(Facts(kind == ClaimKind.Attachment ? ClaimOutcome.Attachment : ClaimOutcome.CrimeAsbEducation), ClaimMoney.Default, Now);
        claim.RecordBatch(1, line.CaseId.Value, Now);
        claim.FinishPreparation(Now);
        return claim;
    }

    private static ClaimLineFacts Facts(ClaimOutcome outcome) =>
        new(CaseId.New(), HouseholdId.New(), outcome, new DateOnly(2026, 5, 1), "{}", false);

    [Fact]
    public void Prepare_MeasuresAsAtTheWindowsLastDay_OrTodayWhileTheWindowIsOpen()
    {
        var past = Claim.Prepare(1, ClaimKind.Results, ClaimWindow.Parse("2026-11"), Preparer, Council, Now, Today);
        var open = Claim.Prepare(1, ClaimKind.Results, ClaimWindow.Parse("2026-12"), Preparer, Council, Now, Today);

        past.AsOf.Should().Be(new DateOnly(2026, 11, 30));
        open.AsOf.Should().Be(Today);
        past.Status.Should().Be(ClaimStatus.Preparing);
    }

    [Fact]
    public void Prepare_ForAFutureWindowOrAnUnknownPhase_IsRefused()
    {
        var future = () => Claim.Prepare(1, ClaimKind.Results, ClaimWindow.Parse("2027-01"), Preparer, Council, Now, Today);
        var phase = () => Claim.Prepare(3, ClaimKind.Results, ClaimWindow.Parse("2026-11"), Preparer, Council, Now, Today);

        future.Should().Throw<DomainRuleException>().Which.Code.Should().Be("claims.window-in-future");
        phase.Should().Throw<DomainRuleException>().Which.Code.Should().Be("claims.phase");
    }

    [Fact]
    public void Propose_PricesTheLineByTheYearTheFamilyWasAttached()
    {
        var claim = Claim.Prepare(1, ClaimKind.Attachment, ClaimWindow.Parse("2026-11"), Preparer, Council, Now, Today);

        var line = claim.Propose(Facts(ClaimOutcome.Attachment) with { AttachedOn = new DateOnly(2013, 4, 1) }, ClaimMoney.Default, Now);

        line.Amount.Should().Be(2400m);
        line.FinancialYear.Should().Be(2013);
        line.Slot.Should().Be(ClaimSlot.Attachment);
        line.Status.Should().Be(ClaimLineStatus.Proposed);
    }

    [Fact]
    public void Propose_AResultInAnAttachmentClaim_IsRefused()
    {
        var claim = Claim.Prepare(1, ClaimKind.Attachment, ClaimWindow.Parse("2026-11"), Preparer, Council, Now, Today);

        var act = () => claim.Propose(Facts(ClaimOutcome.CrimeAsbEducation), ClaimMoney.Default, Now);

        act.Should().Throw<DomainRuleException>().Which.Code.Should().Be("claims.outcome-not-in-claim");
    }

    [Fact]
    public void Validate_ByTheSecondPerson_RecordsWhoAndWhen()
    {
        var claim = Draft(ClaimKind.Results, out var line);
        var version = claim.Version;

        claim.Validate(line, Auditor, "Checked the school's attendance return", Now);

        line.Status.Should().Be(ClaimLineStatus.Validated);
        line.DecidedBy.Should().Be(Auditor);
        line.DecidedAt.Should().Be(Now);
        claim.Version.Should().BeGreaterThan(version, "a decision and a submission must not both be saved from the same version");
    }

    [Fact]
    public void Validate_ByThePreparer_IsRefused()
    {
        var claim = Draft(ClaimKind.Results, out var line);

        var act = () => claim.Validate(line, Preparer, null, Now);

        act.Should().Throw<DomainRuleException>().Which.Code.Should().Be("claims.preparer-cannot-validate");
        line.Status.Should().Be(ClaimLineStatus.Proposed);
    }

    [Fact]
    public void Reject_WithoutANote_IsRefused()
    {
        var claim = Draft(ClaimKind.Results, out var line);

        var act = () => claim.Reject(line, Auditor, " ", Now);

        act.Should().Throw<DomainRuleException>().Which.Code.Should().Be("claims.note-required");
    }

    [Fact]
    public void Validate_WhileThePreparationRuns_IsRefused()
    {
        var claim = Claim.Prepare(1, ClaimKind.Attachment, ClaimWindow.Parse("2026-11"), Preparer, Council, Now, Today);
        var line = claim.Propose(Facts(ClaimOutcome.Attachment), ClaimMoney.Default, Now);

        var act = () => claim.Validate(line, Auditor, null, Now);

        act.Should().Throw<DomainRuleException>().Which.Code.Should().Be("claims.still-preparing");
    }

    [Fact]
    public void Submit_WithNothingValidated_IsRefused()
    {
        var claim = Draft(ClaimKind.Attachment, out _);

        var act = () => claim.Submit(Preparer, 0, Now);

        act.Should().Throw<DomainRuleException>().Which.Code.Should().Be("claims.nothing-validated");
    }

    [Fact]
    public void Submit_FreezesTheClaim_SoNoLineChangesAndItCannotBeSubmittedAgain()
    {
        var claim = Draft(ClaimKind.Attachment, out var line);
        claim.Validate(line, Auditor, null, Now);

        claim.Submit(Preparer, 1, Now);

        claim.Status.Should().Be(ClaimStatus.Submitted);
        claim.SubmittedBy.Should().Be(Preparer);
        var reject = () => claim.Reject(line, Auditor, "Changed my mind", Now);
        reject.Should().Throw<DomainRuleException>().Which.Code.Should().Be("claims.frozen");
        var again = () => claim.Submit(Preparer, 1, Now);
        again.Should().Throw<DomainRuleException>().Which.Code.Should().Be("claims.already-submitted");
    }

    [Fact]
    public void RecordBatch_MovesProgressOn_AndFinishingMakesTheClaimADraft()
    {
        var claim = Claim.Prepare(2, ClaimKind.Results, ClaimWindow.Parse("2026-11"), Preparer, Council, Now, Today);
        claim.Start(1200);
        var last = Guid.NewGuid();

        claim.RecordBatch(500, last, Now.AddMinutes(3));

        claim.Done.Should().Be(500);
        claim.Total.Should().Be(1200);
        claim.LastCaseRead.Should().Be(last);
        claim.PreparationActiveAt.Should().Be(Now.AddMinutes(3), "a saved batch shows the preparation is alive");
        claim.FinishPreparation(Now);
        claim.Status.Should().Be(ClaimStatus.Draft);
        claim.Total.Should().Be(500, "the total is what was read once the cases run out");
        var more = () => claim.RecordBatch(1, Guid.NewGuid(), Now);
        more.Should().Throw<DomainRuleException>().Which.Code.Should().Be("claims.not-preparing");
    }

    [Fact]
    public void Requeue_CountsTheAttempt_AndMarksThePreparationActive_OnlyWhilePreparing()
    {
        var claim = Claim.Prepare(1, ClaimKind.Results, ClaimWindow.Parse("2026-11"), Preparer, Council, Now, Today);
        claim.PreparationActiveAt.Should().Be(Now);

        claim.Requeue(Now.AddMinutes(20));

        claim.Requeues.Should().Be(1);
        claim.PreparationActiveAt.Should().Be(Now.AddMinutes(20));
        claim.FinishPreparation(Now.AddMinutes(21));
        var late = () => claim.Requeue(Now.AddMinutes(40));
        late.Should().Throw<DomainRuleException>().Which.Code.Should().Be("claims.not-preparing");
    }

    [Fact]
    public void Cancel_OfAPreparation_RecordsWhoAndWhen_AndNothingElseCanBeCancelled()
    {
        var preparing = Claim.Prepare(1, ClaimKind.Results, ClaimWindow.Parse("2026-11"), Preparer, Council, Now, Today);

        preparing.Cancel(Auditor, Now.AddHours(1));

        preparing.Status.Should().Be(ClaimStatus.Cancelled);
        (preparing.CancelledBy, preparing.CancelledAt).Should().Be((Auditor, Now.AddHours(1)));
        var twice = () => preparing.Cancel(Auditor, Now.AddHours(2));
        twice.Should().Throw<DomainRuleException>().Which.Code.Should().Be("claims.not-preparing");
        var draft = Draft(ClaimKind.Attachment, out _);
        var cancelDraft = () => draft.Cancel(Preparer, Now);
        cancelDraft.Should().Throw<DomainRuleException>().Which.Code.Should().Be("claims.not-preparing");
    }

    [Fact]
    public void Decisions_AreEachKept_AChangedDecisionGivesASecondRecord()
    {
        var claim = Draft(ClaimKind.Attachment, out var line);

        var validated = claim.Validate(line, Auditor, "Checked", Now.AddHours(1));
        var rejected = claim.Reject(line, Auditor, "Wrong date after all", Now.AddHours(2));

        (validated.Status, validated.By, validated.Note, validated.At).Should().Be((ClaimLineStatus.Validated, Auditor, "Checked", Now.AddHours(1)));
        (rejected.Status, rejected.Note, rejected.ClaimLineId, rejected.ClaimId).Should().Be((ClaimLineStatus.Rejected, "Wrong date after all", line.Id, claim.Id));
        rejected.Id.Should().NotBe(validated.Id);
        line.Status.Should().Be(ClaimLineStatus.Rejected, "the line holds the latest decision only");
    }

    [Theory]
    [InlineData(ClaimOutcome.Attachment, ClaimSlot.Attachment)]
    [InlineData(ClaimOutcome.CrimeAsbEducation, ClaimSlot.Result)]
    [InlineData(ClaimOutcome.ContinuousEmployment, ClaimSlot.Result)]
    [InlineData(ClaimOutcome.SignificantAndSustainedProgress, ClaimSlot.Result)]
    [InlineData(ClaimOutcome.ProgressToWork, ClaimSlot.ProgressToWork)]
    public void SlotOf_GivesOneResultPerFamilyAndPhase_PlusProgressToWorkBesideIt(ClaimOutcome outcome, ClaimSlot slot) =>
        ClaimOutcomes.SlotOf(outcome).Should().Be(slot);

    [Theory]
    [InlineData(1, ClaimOutcome.ContinuousEmployment, new[] { ClaimSlot.Result, ClaimSlot.ProgressToWork })]
    [InlineData(1, ClaimOutcome.CrimeAsbEducation, new[] { ClaimSlot.Result })]
    [InlineData(1, ClaimOutcome.ProgressToWork, new[] { ClaimSlot.ProgressToWork })]
    [InlineData(2, ClaimOutcome.ContinuousEmployment, new[] { ClaimSlot.Result })]
    [InlineData(1, ClaimOutcome.Attachment, new[] { ClaimSlot.Attachment })]
    public void SlotsTakenBy_PhaseOneContinuousEmployment_TakesProgressToWorksSlotToo(int phase, ClaimOutcome outcome, ClaimSlot[] slots) =>
        ClaimOutcomes.SlotsTakenBy(phase, outcome).Should().Equal(slots, "TF3: continuous employment pays instead of both other results");

    [Fact]
    public void LedgerRows_OfPhaseOneContinuousEmployment_AreTheOutcomeWithItsAmount_AndAHoldOnProgressToWork()
    {
        var claim = Claim.Prepare(1, ClaimKind.Results, ClaimWindow.Parse("2026-11"), Preparer, Council, Now, Today);
        claim.Start(1);
        var line = claim.Propose(Facts(ClaimOutcome.ContinuousEmployment), ClaimMoney.Default, Now);

        var rows = ClaimedOutcome.For(line, Now);

        rows.Select(r => (r.Slot, r.Primary, r.Amount)).Should().Equal((ClaimSlot.Result, true, line.Amount), (ClaimSlot.ProgressToWork, false, 0m));
        rows.Should().OnlyContain(r => r.ClaimLineId == line.Id && r.Outcome == ClaimOutcome.ContinuousEmployment);
    }
}
