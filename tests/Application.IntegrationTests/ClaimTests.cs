using CaseManager.Application.Claims;
using CaseManager.Application.Claims.CancelClaim;
using CaseManager.Application.Claims.GetClaim;
using CaseManager.Application.Claims.GetClaimHistory;
using CaseManager.Application.Claims.GetClaimLine;
using CaseManager.Application.Claims.ListClaimLines;
using CaseManager.Application.Claims.PrepareClaim;
using CaseManager.Application.Claims.PrepareClaimBatch;
using CaseManager.Application.Claims.RejectClaimLine;
using CaseManager.Application.Claims.RequeueStalledPreparations;
using CaseManager.Application.Claims.SpotCheckClaim;
using CaseManager.Application.Claims.SubmitClaim;
using CaseManager.Application.Claims.ValidateClaimLine;
using CaseManager.Application.Common;
using CaseManager.Application.Common.Paging;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.Claims;
using CaseManager.Domain.Common;
using CaseManager.Domain.Families;
using CaseManager.Domain.Users;
using CaseManager.Infrastructure.Persistence;
using CaseManager.Infrastructure.Jobs;
using CaseManager.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManager.Application.IntegrationTests;

/// <summary>
/// Claims through the real pipeline, job and SQLite database (DOMAIN.md TF3–TF5, docs/adr/0022): preparation in
/// batches with the preparer's access, a retried job, a second person's decisions, submission and the database's
/// guards against double claims and claims past the allocation, concurrent submissions included.
/// </summary>
public sealed class ClaimTests : IDisposable
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(CaseManagerFactory.StartOfTests.UtcDateTime);
    private readonly ClaimsFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task PrepareAttachmentClaim_ProposesALinePerFamilyThePreparersAgencyMaySee_PricedByTheYearOfAttachment()
    {
        var first = await _factory.AddAsync("COUNCIL", Today.AddMonths(-2), "Ames");
        var second = await _factory.AddAsync("COUNCIL", Today.AddMonths(-1), "Bell");
        var third = await _factory.AddAsync("COUNCIL", new DateOnly(2013, 6, 1), "Cole");
        await _factory.AddAsync("FIT", Today.AddMonths(-1), "Hidden");

        var claim = await PrepareAsync(ClaimKind.Attachment, "2026-11");

        var view = await _factory.SendAsAsync<ClaimView>(DemoUsers.ClaimsOfficer, new GetClaimQuery(claim));
        view.Status.Should().Be("Draft");
        view.Progress.Should().Be(new ClaimProgressView(3, 3), "FIT's family is not shared with the council");
        var lines = await LinesAsync(claim);
        lines.Select(l => (l.CaseId, l.Amount)).Should().BeEquivalentTo(
        [
            (first.CaseId.Value, 1600.00m),
            (second.CaseId.Value, 1600.00m),
            (third.CaseId.Value, 2400.00m),
        ]);
        view.Amount.Should().Be(5600.00m);
        (await _factory.AuditCountAsync("claim.prepared")).Should().Be(1);
    }

    [Fact]
    public async Task Preparation_RetriedAfterAKilledRun_CarriesOnAndNeverDuplicatesALine()
    {
        for (var i = 0; i < 5; i++)
        {
            await _factory.AddAsync("COUNCIL", Today.AddMonths(-1), $"Retry{i}");
        }

        var created = await _factory.SendAsAsync<ClaimCreated>(DemoUsers.ClaimsOfficer, new PrepareClaimCommand(1, ClaimKind.Attachment, "2026-11"));
        var claim = new ClaimId(created.Id);
        var firstBatch = await _factory.SendAsAsync<ClaimPreparationProgress>(DemoUsers.ClaimsOfficer, new PrepareClaimBatchCommand(claim));
        firstBatch.Should().Be(new ClaimPreparationProgress(2, 5, 2, false));

        // The run dies after its first batch committed, and again after its lines were written but before the claim
        // recorded its progress: the retry starts over from the first case and inserts only what is absent.
        await _factory.QueryDbAsync(db => db.Claims.Where(c => c.Id == claim)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastCaseRead, (Guid?)null).SetProperty(c => c.Done, 0)));
        await RunJobAsync(claim);
        await RunJobAsync(claim);

        var lines = await LinesAsync(claim);
        lines.Should().HaveCount(5);
        lines.Select(l => l.CaseId).Should().OnlyHaveUniqueItems();
        (await _factory.SendAsAsync<ClaimView>(DemoUsers.ClaimsOfficer, new GetClaimQuery(claim))).Status.Should().Be("Draft");
    }

    [Fact]
    public async Task PrepareClaim_TwiceForTheSameWindow_IsRefused()
    {
        await PrepareAsync(ClaimKind.Attachment, "2026-11");

        var again = () => _factory.SendAsAsync<ClaimCreated>(DemoUsers.ClaimsAuditor, new PrepareClaimCommand(1, ClaimKind.Attachment, "2026-11"));

        (await again.Should().ThrowAsync<DomainRuleException>()).Which.Code.Should().Be("claims.window-taken");
        (await _factory.QueryDbAsync(db => db.Claims.CountAsync())).Should().Be(1);
    }

    [Fact]
    public async Task PrepareClaim_ByFourOfficersAtOnceForOneWindow_CreatesOneClaim_AndTellsTheOthersTheWindowIsTaken()
    {
        var officer = await _factory.ActorForAsync(DemoUsers.ClaimsOfficer);
        var auditor = await _factory.ActorForAsync(DemoUsers.ClaimsAuditor);

        var attempts = await Task.WhenAll(new[] { officer, auditor, officer, auditor }.Select(actor => Task.Run(async () =>
        {
            try
            {
                await _factory.SendAsAsync<ClaimCreated>(actor, new PrepareClaimCommand(1, ClaimKind.Attachment, "2026-11"));
                return "created";
            }
            catch (DomainRuleException rule)
            {
                return rule.Code;
            }
        })));

        attempts.Should().ContainSingle(a => a == "created");
        attempts.Where(a => a != "created").Should().AllBe("claims.window-taken");
        (await _factory.QueryDbAsync(db => db.Claims.CountAsync())).Should().Be(1);
    }

    [Fact]
    public async Task ASecondClaimForTheSameWindow_WrittenPastTheCheck_IsStoppedByTheUniqueIndexAsADuplicateKey()
    {
        var first = await _factory.SendAsAsync<ClaimCreated>(DemoUsers.ClaimsOfficer, new PrepareClaimCommand(1, ClaimKind.Attachment, "2026-11"));
        var officer = await _factory.ActorForAsync(DemoUsers.ClaimsOfficer);

        // What the second of two simultaneous preparations does once both have passed the check: insert its claim.
        var insert = () => _factory.QueryDbAsync(async db =>
        {
            db.Claims.Add(Claim.Prepare(1, ClaimKind.Attachment, ClaimWindow.Parse("2026-11"), officer.UserId!.Value, officer.Agency!.Value, CaseManagerFactory.StartOfTests, Today));
            return await db.SaveChangesAsync();
        });

        await insert.Should().ThrowAsync<DuplicateKeyException>();
        (await _factory.QueryDbAsync(db => db.Claims.Select(c => c.Id).ToListAsync())).Should().Equal(new ClaimId(first.Id));
    }

    [Fact]
    public async Task ClaimWindows_AreEachAgencysOwn_AnotherAgencysClaimNeitherTakesTheWindowNorIsSeen()
    {
        var council = await _factory.SendAsAsync<ClaimCreated>(DemoUsers.ClaimsOfficer, new PrepareClaimCommand(1, ClaimKind.Attachment, "2026-11"));
        var fitOfficer = Actor.ForUser(Guid.CreateVersion7(), "claims@fit.demo", "Fit Claims", AgencyCode.Parse("FIT"), [Role.ClaimsOfficer]);

        var fit = await _factory.SendAsAsync<ClaimCreated>(fitOfficer, new PrepareClaimCommand(1, ClaimKind.Attachment, "2026-11"));

        fit.Id.Should().NotBe(council.Id);
        var peek = () => _factory.SendAsAsync<ClaimView>(fitOfficer, new GetClaimQuery(new ClaimId(council.Id)));
        await peek.Should().ThrowAsync<NotFoundException>();
    }

    [Fact]
    public async Task Sweep_QueuesAgainAPreparationThatLostItsJob_UpToItsLimit_ThenThePageOffersToCancelIt()
    {
        await _factory.AddAsync("COUNCIL", Today.AddMonths(-1), "Lost");
        var created = await _factory.SendAsAsync<ClaimCreated>(DemoUsers.ClaimsOfficer, new PrepareClaimCommand(1, ClaimKind.Attachment, "2026-11"));
        var claim = new ClaimId(created.Id);

        (await _factory.SendAsAsync<int>(Actor.System, new RequeueStalledPreparationsCommand())).Should().Be(0, "a preparation just started is not stalled");
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            _factory.Clock.Advance(TimeSpan.FromMinutes(16));
            (await _factory.SendAsAsync<int>(Actor.System, new RequeueStalledPreparationsCommand())).Should().Be(1);
            (await _factory.SendAsAsync<ClaimView>(DemoUsers.ClaimsOfficer, new GetClaimQuery(claim))).PreparationStalled.Should().BeFalse();
        }

        _factory.Clock.Advance(TimeSpan.FromMinutes(16));
        (await _factory.SendAsAsync<int>(Actor.System, new RequeueStalledPreparationsCommand())).Should().Be(0, "five attempts is the limit");
        (await _factory.QueryDbAsync(db => db.Claims.SingleAsync(c => c.Id == claim))).Requeues.Should().Be(5);
        (await _factory.SendAsAsync<ClaimView>(DemoUsers.ClaimsOfficer, new GetClaimQuery(claim))).PreparationStalled.Should().BeTrue();
        (await _factory.AuditCountAsync("claim.requeue")).Should().Be(5);

        // A queued-again job that does run finishes the claim as any other run would.
        await RunJobAsync(claim);
        (await LinesAsync(claim)).Should().ContainSingle();
    }

    [Fact]
    public async Task Cancel_OfAPreparation_KeepsTheClaimAsCancelled_RemovesItsLines_AndFreesItsWindow()
    {
        for (var i = 0; i < 3; i++)
        {
            await _factory.AddAsync("COUNCIL", Today.AddMonths(-1), $"Cancel{i}");
        }

        var created = await _factory.SendAsAsync<ClaimCreated>(DemoUsers.ClaimsOfficer, new PrepareClaimCommand(1, ClaimKind.Attachment, "2026-11"));
        var claim = new ClaimId(created.Id);
        (await _factory.SendAsAsync<ClaimPreparationProgress>(DemoUsers.ClaimsOfficer, new PrepareClaimBatchCommand(claim))).LinesAdded.Should().Be(2);

        var cancelled = await _factory.SendAsAsync<ClaimView>(DemoUsers.ClaimsAuditor, new CancelClaimCommand(claim));

        cancelled.Status.Should().Be("Cancelled");
        cancelled.History.Select(h => h.Action).Should().Equal("Prepared", "Cancelled");
        (await _factory.QueryDbAsync(db => db.ClaimLines.CountAsync(l => l.ClaimId == claim))).Should().Be(0);
        await RunJobAsync(claim);
        (await _factory.QueryDbAsync(db => db.ClaimLines.CountAsync(l => l.ClaimId == claim))).Should().Be(0, "a job still running stops at its next batch");
        (await _factory.AuditCountAsync("claim.cancel")).Should().Be(1);

        var again = await PrepareAsync(ClaimKind.Attachment, "2026-11");
        (await LinesAsync(again)).Should().HaveCount(3);
        var cancelDraft = () => _factory.SendAsAsync<ClaimView>(DemoUsers.ClaimsOfficer, new CancelClaimCommand(again));
        (await cancelDraft.Should().ThrowAsync<DomainRuleException>()).Which.Code.Should().Be("claims.not-preparing");
    }

    [Fact]
    public async Task History_KeepsEveryDecision_AChangedOneIncluded_AndIsReadAPageAtATime()
    {
        for (var i = 0; i < 2; i++)
        {
            await _factory.AddAsync("COUNCIL", Today.AddMonths(-1), $"History{i}");
        }

        var claim = await PrepareAsync(ClaimKind.Attachment, "2026-11");
        var lines = await LinesAsync(claim);
        await ValidateAsync(claim, lines[0].LineId);
        _factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await _factory.SendAsAsync<ClaimLineItem>(DemoUsers.ClaimsAuditor, new RejectClaimLineCommand(claim, new ClaimLineId(lines[0].LineId), "Attachment date is wrong"));
        _factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await ValidateAsync(claim, lines[1].LineId);
        _factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await _factory.SendAsAsync<ClaimView>(DemoUsers.ClaimsOfficer, new SubmitClaimCommand(claim));

        var view = await _factory.SendAsAsync<ClaimView>(DemoUsers.ClaimsOfficer, new GetClaimQuery(claim));
        view.History.Select(h => h.Action).Should().Equal("Prepared", "Validated", "Rejected", "Validated", "Submitted");
        view.HistoryTotal.Should().Be(5);
        view.History[2].Detail.Should().EndWith(": Attachment date is wrong");

        var second = await _factory.SendAsAsync<Paged<ClaimHistoryItem>>(DemoUsers.ClaimsOfficer, new GetClaimHistoryQuery(claim, 2, 2));
        second.Total.Should().Be(5);
        second.Items.Select(h => (h.Action, h.LineId)).Should().Equal(("Rejected", (Guid?)lines[0].LineId), ("Validated", (Guid?)lines[1].LineId));
        var last = await _factory.SendAsAsync<Paged<ClaimHistoryItem>>(DemoUsers.ClaimsOfficer, new GetClaimHistoryQuery(claim, 3, 2));
        last.Items.Select(h => h.Action).Should().Equal("Submitted");
        last.Items[0].Detail.Should().Be("1 validated lines, £1600.00");
        (await _factory.SendAsAsync<Paged<ClaimHistoryItem>>(DemoUsers.ClaimsOfficer, new GetClaimHistoryQuery(claim, 4, 2))).Items.Should().BeEmpty();
    }

    [Fact]
    public async Task Preparation_WhenAFormerMembersRecordIsHidden_SaysTheEvidenceIsPartlyHidden()
    {
        await _factory.AddAsync("COUNCIL", Today.AddMonths(-1), "Partial", formerMember: true);
        var claim = await PrepareAsync(ClaimKind.Attachment, "2026-11");
        var line = (await LinesAsync(claim)).Single();

        var details = await _factory.SendAsAsync<ClaimLineDetails>(DemoUsers.ClaimsAuditor, new GetClaimLineQuery(claim, new ClaimLineId(line.LineId)));

        details.Line.EvidencePartlyHidden.Should().BeTrue();
        details.PartlyHiddenNote.Should().Be(ClaimEvidence.PartlyHiddenNote);
        details.Evidence.Members.Select(m => m.Name).Should().BeEquivalentTo(["Parent Partial", "Child Partial"]);
        details.Evidence.Links.Case.Should().Be($"/cases/{line.CaseId}");
    }

    [Fact]
    public async Task Evidence_LinksToTheAssessmentAndPlan_OnlyWhereTheCaseHasThem()
    {
        var planned = await _factory.AddAsync("COUNCIL", Today.AddMonths(-1), "Planned");
        var unplanned = await _factory.AddAsync("COUNCIL", Today.AddMonths(-1), "Unplanned");
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CaseDbContext>();
            var familyCase = await db.Cases.SingleAsync(c => c.Id == planned.CaseId);
            var household = await db.Households.SingleAsync(h => h.Id == familyCase.HouseholdId);
            var now = _factory.Clock.GetUtcNow();
            db.FamilyPlanActions.Add(FamilyPlanAction.Add(familyCase, household, "School meeting", null, null, familyCase.OwnerAgency, null, Today, familyCase.OwnerAgency, Guid.NewGuid(), now));
            db.FamilyAssessments.Add(FamilyAssessment.Record(familyCase, household, Today, "Summary", null, [], familyCase.OwnerAgency, Guid.NewGuid(), now, Today));
            await db.SaveChangesAsync();
        }

        var claim = await PrepareAsync(ClaimKind.Attachment, "2026-11");

        var lines = await LinesAsync(claim);
        var links = new Dictionary<Guid, EvidenceLinks>();
        foreach (var line in lines)
        {
            links[line.CaseId] = (await _factory.SendAsAsync<ClaimLineDetails>(DemoUsers.ClaimsAuditor, new GetClaimLineQuery(claim, new ClaimLineId(line.LineId)))).Evidence.Links;
        }

        links[planned.CaseId.Value].Assessment.Should().Be($"/cases/{planned.CaseId.Value}/assessment");
        links[planned.CaseId.Value].Plan.Should().Be($"/cases/{planned.CaseId.Value}/plan");
        links[unplanned.CaseId.Value].Assessment.Should().BeNull();
        links[unplanned.CaseId.Value].Plan.Should().BeNull();
    }

    [Fact]
    public async Task Preparation_WhenAVisibleMemberHasARecordAnotherAgencyDoesNotShare_SaysTheEvidenceIsPartlyHidden()
    {
        var hidden = await _factory.AddAsync("COUNCIL", Today.AddMonths(-1), "Unshared");
        var shown = await _factory.AddAsync("COUNCIL", Today.AddMonths(-1), "Owned");
        await _factory.QueryDbAsync(db =>
        {
            db.AsbRecords.Add(Domain.Outcomes.AsbRecord.Record(hidden.Parent, Domain.Outcomes.AsbKind.Incident, Today.AddMonths(-2), null, AgencyCode.Parse("FIT"), Guid.CreateVersion7(), CaseManagerFactory.StartOfTests, Today));
            db.AsbRecords.Add(Domain.Outcomes.AsbRecord.Record(shown.Parent, Domain.Outcomes.AsbKind.Incident, Today.AddMonths(-2), null, AgencyCode.Parse("COUNCIL"), Guid.CreateVersion7(), CaseManagerFactory.StartOfTests, Today));
            return db.SaveChangesAsync();
        });

        var claim = await PrepareAsync(ClaimKind.Attachment, "2026-11");

        var lines = await LinesAsync(claim);
        lines.Single(l => l.CaseId == hidden.CaseId.Value).EvidencePartlyHidden.Should().BeTrue("the parent is visible, but an ASB record of theirs is held by an agency that does not share it");
        lines.Single(l => l.CaseId == shown.CaseId.Value).EvidencePartlyHidden.Should().BeFalse("every record of the family is the council's own");
        var details = await _factory.SendAsAsync<ClaimLineDetails>(DemoUsers.ClaimsAuditor, new GetClaimLineQuery(claim, lines.Single(l => l.CaseId == hidden.CaseId.Value) is var l ? new ClaimLineId(l.LineId) : default));
        details.PartlyHiddenNote.Should().Be(ClaimEvidence.PartlyHiddenNote);
        details.Evidence.Members.Select(m => m.Name).Should().Contain("Parent Unshared", "the member is still shown; only whether something is hidden is said");
    }

    [Fact]
    public async Task Validate_ByThePreparer_IsForbidden_AndBySecondOfficer_IsRecorded()
    {
        await _factory.AddAsync("COUNCIL", Today.AddMonths(-1), "Four");
        var claim = await PrepareAsync(ClaimKind.Attachment, "2026-11");
        var line = new ClaimLineId((await LinesAsync(claim)).Single().LineId);

        var byPreparer = () => _factory.SendAsAsync<ClaimLineItem>(DemoUsers.ClaimsOfficer, new ValidateClaimLineCommand(claim, line, null));

        await byPreparer.Should().ThrowAsync<ForbiddenAccessException>();
        var auditor = await _factory.ActorForAsync(DemoUsers.ClaimsAuditor);
        var validated = await _factory.SendAsAsync<ClaimLineItem>(auditor, new ValidateClaimLineCommand(claim, line, "Checked the attachment date"));
        validated.Status.Should().Be("Validated");
        validated.ValidatedBy.Should().Be(auditor.UserId);
        var view = await _factory.SendAsAsync<ClaimView>(DemoUsers.ClaimsOfficer, new GetClaimQuery(claim));
        view.History.Select(h => h.Action).Should().Equal("Prepared", "Validated");
        (await _factory.AuditCountAsync("claim.line-validate")).Should().Be(1);
    }

    [Fact]
    public async Task Submit_SendsTheValidatedLinesOnly_AndFreezesTheClaim()
    {
        for (var i = 0; i < 3; i++)
        {
            await _factory.AddAsync("COUNCIL", Today.AddMonths(-1), $"Sub{i}");
        }

        var claim = await PrepareAsync(ClaimKind.Attachment, "2026-11");
        var lines = await LinesAsync(claim);
        await ValidateAsync(claim, lines[0].LineId);
        await ValidateAsync(claim, lines[1].LineId);
        await _factory.SendAsAsync<ClaimLineItem>(DemoUsers.ClaimsAuditor, new RejectClaimLineCommand(claim, new ClaimLineId(lines[2].LineId), "No consent form on file"));

        var submitted = await _factory.SendAsAsync<ClaimView>(DemoUsers.ClaimsOfficer, new SubmitClaimCommand(claim));

        submitted.Status.Should().Be("Submitted");
        submitted.Amount.Should().Be(3200.00m);
        (await _factory.QueryDbAsync(db => db.ClaimedOutcomes.Select(o => o.ClaimLineId).ToListAsync()))
            .Should().BeEquivalentTo([new ClaimLineId(lines[0].LineId), new ClaimLineId(lines[1].LineId)]);
        (await _factory.QueryDbAsync(db => db.ClaimAllocations.SingleAsync(a => a.Phase == 1))).Families.Should().Be(2);
        var change = () => _factory.SendAsAsync<ClaimLineItem>(DemoUsers.ClaimsAuditor, new ValidateClaimLineCommand(claim, new ClaimLineId(lines[2].LineId), null));
        (await change.Should().ThrowAsync<DomainRuleException>()).Which.Code.Should().Be("claims.frozen");
    }

    [Fact]
    public async Task Submit_AnOutcomeClaimedBefore_IsRefusedAsAlreadyClaimed_AndSubmitsNothing()
    {
        await _factory.AddAsync("COUNCIL", Today.AddMonths(-3), "Twice");
        var october = await PrepareAsync(ClaimKind.Attachment, "2026-10");
        var november = await PrepareAsync(ClaimKind.Attachment, "2026-11");
        await ValidateAllAsync(october);
        await ValidateAllAsync(november);
        await _factory.SendAsAsync<ClaimView>(DemoUsers.ClaimsOfficer, new SubmitClaimCommand(october));

        var again = () => _factory.SendAsAsync<ClaimView>(DemoUsers.ClaimsOfficer, new SubmitClaimCommand(november));

        (await again.Should().ThrowAsync<DomainRuleException>()).Which.Code.Should().Be("claims.already-claimed");
        (await _factory.QueryDbAsync(db => db.ClaimedOutcomes.CountAsync())).Should().Be(1);
        (await _factory.SendAsAsync<ClaimView>(DemoUsers.ClaimsOfficer, new GetClaimQuery(november))).Status.Should().Be("Draft");
        (await _factory.QueryDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "command.SubmitClaimCommand" && a.Outcome == Domain.Auditing.AuditOutcome.Failed)))
            .Should().Be(1);
    }

    [Fact]
    public async Task Submit_OfTwoClaimsWithTheSameOutcomesAtOnce_ClaimsEachOutcomeOnce()
    {
        for (var i = 0; i < 3; i++)
        {
            await _factory.AddAsync("COUNCIL", Today.AddMonths(-3), $"Race{i}");
        }

        var october = await PrepareAsync(ClaimKind.Attachment, "2026-10");
        var november = await PrepareAsync(ClaimKind.Attachment, "2026-11");
        await ValidateAllAsync(october);
        await ValidateAllAsync(november);

        var results = await Task.WhenAll(
            Attempt(() => _factory.SendAsAsync<ClaimView>(DemoUsers.ClaimsOfficer, new SubmitClaimCommand(october))),
            Attempt(() => _factory.SendAsAsync<ClaimView>(DemoUsers.ClaimsOfficer, new SubmitClaimCommand(november))),
            Attempt(() => _factory.SendAsAsync<ClaimView>(DemoUsers.ClaimsAuditor, new SubmitClaimCommand(november))));

        results.Count(r => r is null).Should().Be(1, "one submission wins");
        results.Where(r => r is not null).Should().OnlyContain(r => r!.Code == "claims.already-claimed" || r.Code == "claims.already-submitted");
        (await _factory.QueryDbAsync(db => db.ClaimedOutcomes.CountAsync())).Should().Be(3);
        (await _factory.QueryDbAsync(db => db.ClaimAllocations.SingleAsync(a => a.Phase == 1))).Families.Should().Be(3);
    }

    [Fact]
    public async Task Submit_PastTheAllocation_IsRefused()
    {
        for (var i = 0; i < ClaimsFactory.Allocation + 1; i++)
        {
            await _factory.AddAsync("COUNCIL", Today.AddMonths(-1), $"Cap{i}");
        }

        var claim = await PrepareAsync(ClaimKind.Attachment, "2026-11");
        await ValidateAllAsync(claim);

        var submit = () => _factory.SendAsAsync<ClaimView>(DemoUsers.ClaimsOfficer, new SubmitClaimCommand(claim));

        (await submit.Should().ThrowAsync<DomainRuleException>()).Which.Code.Should().Be("claims.allocation-exceeded");
        (await _factory.QueryDbAsync(db => db.ClaimedOutcomes.CountAsync())).Should().Be(0);
        (await _factory.QueryDbAsync(db => db.ClaimedFamilies.CountAsync())).Should().Be(0);
    }

    [Fact]
    public async Task SpotCheck_OfASubmittedClaim_GivesTheSameSampleEveryTime()
    {
        for (var i = 0; i < 12; i++)
        {
            await _factory.AddAsync("COUNCIL", Today.AddMonths(-1), $"Spot{i}");
        }

        var claim = await PrepareAsync(ClaimKind.Attachment, "2026-11");
        var early = () => _factory.SendAsAsync<SpotCheck>(DemoUsers.ClaimsAuditor, new SpotCheckClaimQuery(claim));
        (await early.Should().ThrowAsync<DomainRuleException>()).Which.Code.Should().Be("claims.not-submitted");
        await ValidateAllAsync(claim, limit: ClaimsFactory.Allocation);
        await _factory.SendAsAsync<ClaimView>(DemoUsers.ClaimsOfficer, new SubmitClaimCommand(claim));

        var first = await _factory.SendAsAsync<SpotCheck>(DemoUsers.ClaimsAuditor, new SpotCheckClaimQuery(claim));
        var second = await _factory.SendAsAsync<SpotCheck>(DemoUsers.ClaimsOfficer, new SpotCheckClaimQuery(claim));

        first.SubmittedLines.Should().Be(ClaimsFactory.Allocation);
        first.Sample.Should().HaveCount(1, "10% of 5 lines, rounded up");
        second.Sample.Select(s => s.Line.LineId).Should().Equal(first.Sample.Select(s => s.Line.LineId));
        first.Sample.Should().OnlyContain(s => s.Line.Status == "Validated");
    }

    [Fact]
    public void Sample_IsSeededFromTheClaimId_AndTakesTheShareRoundedUp()
    {
        var lines = Enumerable.Range(0, 95).Select(_ => ClaimLineId.New()).ToList();
        var claim = ClaimId.New();

        var sample = SpotCheckClaimHandler.Sample(lines, 0.10m, claim);

        sample.Should().HaveCount(10).And.OnlyHaveUniqueItems();
        SpotCheckClaimHandler.Sample(lines, 0.10m, claim).Should().Equal(sample);
        SpotCheckClaimHandler.Sample(lines, 0.10m, ClaimId.New()).Should().NotEqual(sample);
    }

    private static async Task<ClaimProblem?> Attempt(Func<Task<ClaimView>> submit)
    {
        try
        {
            await submit();
            return null;
        }
        catch (DomainRuleException rule)
        {
            return new ClaimProblem(rule.Code);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new ClaimProblem("concurrency.conflict");
        }
    }

    private async Task<ClaimId> PrepareAsync(ClaimKind kind, string window)
    {
        var created = await _factory.SendAsAsync<ClaimCreated>(DemoUsers.ClaimsOfficer, new PrepareClaimCommand(1, kind, window));
        await RunJobAsync(new ClaimId(created.Id));
        return new ClaimId(created.Id);
    }

    private Task RunJobAsync(ClaimId claim) => _factory.Services.GetRequiredService<ClaimPreparationJob>().Run(claim.Value, CancellationToken.None);

    private async Task<IReadOnlyList<ClaimLineItem>> LinesAsync(ClaimId claim) =>
        (await _factory.SendAsAsync<Paged<ClaimLineItem>>(DemoUsers.ClaimsOfficer, new ListClaimLinesQuery(claim, PageSize: 200))).Items;

    private Task<ClaimLineItem> ValidateAsync(ClaimId claim, Guid line) =>
        _factory.SendAsAsync<ClaimLineItem>(DemoUsers.ClaimsAuditor, new ValidateClaimLineCommand(claim, new ClaimLineId(line), null));

    private async Task ValidateAllAsync(ClaimId claim, int limit = int.MaxValue)
    {
        foreach (var line in (await LinesAsync(claim)).Take(limit))
        {
            await ValidateAsync(claim, line.LineId);
        }
    }

    private sealed record ClaimProblem(string Code);

    /// <summary>A small allocation and batches of two, so that the edges are reached with a few families.</summary>
    private sealed class ClaimsFactory : CaseManagerFactory
    {
        public const int Allocation = 5;

        protected override IEnumerable<KeyValuePair<string, string?>> Settings() =>
        [
            new("TroubledFamilies:Allocation", Allocation.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("TroubledFamilies:PreparationBatchSize", "2"),

            // These tests count the lines and families of worlds they build; the demo's outcome families would add theirs.
            new("Demo:OutcomeFamilies", "false"),
        ];
    }
}
