using CaseManager.Application.Common;
using CaseManager.Application.Common.Access;
using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Application.Common.Time;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.Auditing;
using CaseManager.Domain.Cases;
using CaseManager.Domain.Claims;
using CaseManager.Domain.Households;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CaseManager.Application.Claims.PrepareClaimBatch;

/// <summary>
/// One batch of a claim's preparation, in a transaction of its own, sent by the preparation job as the preparer:
/// the next Troubled Families cases after the last one read (keyset by id), read through the access rule for the
/// preparer's agency, become proposed lines, inserted if absent against the claim's unique keys, and the claim's
/// progress moves on in the same transaction. A job killed between batches carries on after the last committed one;
/// one killed inside a batch leaves nothing of it. The last batch sets the claim to Draft.
/// </summary>
[RequiresPolicy(Policies.Claims)]
public sealed record PrepareClaimBatchCommand(ClaimId ClaimId) : ICommand<ClaimPreparationProgress>;

public sealed record ClaimPreparationProgress(int Done, int Total, int LinesAdded, bool Finished);

/// <summary>One case of a preparation batch as read from the database.</summary>
public sealed record BatchCase(CaseId Id, HouseholdId? HouseholdId, DateOnly StartDate, AgencyCode OwnerAgency, CaseStatus Status);

public sealed class PrepareClaimBatchHandler(
    IAppDbContext db,
    IRecordAccess access,
    ICurrentUser currentUser,
    IClaimStore store,
    FamilyEvidenceReader evidence,
    ClaimResultsReader results,
    IAuditTrail audit,
    PartnershipClock clock,
    IOptions<ClaimOptions> options) : ICommandHandler<PrepareClaimBatchCommand, ClaimPreparationProgress>
{
    public async ValueTask<ClaimPreparationProgress> Handle(PrepareClaimBatchCommand command, CancellationToken cancellationToken)
    {
        var claim = await db.Claims.SingleOrDefaultAsync(c => c.Id == command.ClaimId, cancellationToken)
            ?? throw NotFoundException.For("Claim", command.ClaimId);
        if (!claim.IsPreparedBy(currentUser.Actor.RequireUserId()))
        {
            throw new ForbiddenAccessException("A claim is prepared with its preparer's access only.");
        }

        if (claim.Status != ClaimStatus.Preparing)
        {
            return new ClaimPreparationProgress(claim.Done, claim.Total, 0, true);
        }

        var cases = FamilyCases(db, access, claim.AsOf);
        if (claim.LastCaseRead is null && claim.Done == 0)
        {
            claim.Start(await cases.CountAsync(cancellationToken));
        }

        var settings = options.Value;
        var batch = (await NextBatch(cases, claim.LastCaseRead is { } last ? new CaseId(last) : null, settings.PreparationBatchSize)
                .ToListAsync(cancellationToken))
            .Select(c => new FamilyCaseRow(c.Id, c.HouseholdId!.Value, c.StartDate, c.OwnerAgency.Value, c.Status))
            .ToList();

        var added = 0;
        if (batch.Count > 0)
        {
            var lines = await LinesAsync(claim, batch, settings.MoneyTable(), cancellationToken);
            added = await store.AddLinesIfAbsentAsync(lines, cancellationToken);
            claim.RecordBatch(batch.Count, batch[^1].CaseId.Value, clock.Now);
        }

        var finished = batch.Count < settings.PreparationBatchSize;
        if (finished)
        {
            claim.FinishPreparation(clock.Now);
            var lineCount = await db.ClaimLines.CountAsync(l => l.ClaimId == claim.Id, cancellationToken);
            audit.Record("claim.prepared", AuditOutcome.Allowed, AccessRule.Role, new AuditSubject("Claim", claim.Id.ToString()),
                $"{claim.Done} Troubled Families cases read, {lineCount} lines proposed");
        }

        return new ClaimPreparationProgress(claim.Done, claim.Total, added, finished);
    }

    /// <summary>The Troubled Families cases a claim reads as at its day, as the preparer's agency may see them (IS7, in SQL).</summary>
    public static IQueryable<Case> FamilyCases(IAppDbContext db, IRecordAccess access, DateOnly asOf) =>
        access.Readable(db.Cases.AsNoTracking())
            .Where(c => c.Scheme == Scheme.TroubledFamilies && c.HouseholdId != null && c.StartDate <= asOf);

    /// <summary>
    /// The next batch after the last case read, in id order. The index on (Scheme, Id) makes it one range search that
    /// stops at the batch's size; without it SQLite read and sorted every case of the scheme for every batch, so a
    /// claim's time grew with the square of its families (docs/performance.md, claim preparation).
    /// </summary>
    public static IQueryable<BatchCase> NextBatch(IQueryable<Case> cases, CaseId? after, int size)
    {
        if (after is { } last)
        {
            cases = cases.Where(c => c.Id.CompareTo(last) > 0);
        }

        return cases.OrderBy(c => c.Id).Take(size)
            .Select(c => new BatchCase(c.Id, c.HouseholdId, c.StartDate, c.OwnerAgency, c.Status));
    }

    private async Task<List<ClaimLine>> LinesAsync(Claim claim, IReadOnlyList<FamilyCaseRow> batch, ClaimMoney money, CancellationToken cancellationToken)
    {
        var households = batch.Select(c => c.HouseholdId).Distinct().ToList();
        var claimed = (await db.ClaimedOutcomes.AsNoTracking()
                .Where(o => o.Phase == claim.Phase && households.Contains(o.HouseholdId))
                .Select(o => new { o.HouseholdId, o.Slot })
                .ToListAsync(cancellationToken))
            .Select(o => (o.HouseholdId, o.Slot))
            .ToHashSet();
        var families = await evidence.ReadAsync(batch, cancellationToken);
        var now = clock.Now;
        var lines = new List<ClaimLine>();

        // A household with two cases in the batch (attached again after an exit) gets one line per slot.
        var taken = new HashSet<(HouseholdId, ClaimSlot)>(claimed);
        if (claim.Kind == ClaimKind.Attachment)
        {
            foreach (var row in batch)
            {
                if (!taken.Add((row.HouseholdId, ClaimSlot.Attachment)))
                {
                    continue;
                }

                var family = families[row.HouseholdId];
                var record = new EvidenceRecord("Attachment", $"Attached to Troubled Families on {row.StartDate:yyyy-MM-dd} by {row.Owner}", row.StartDate, $"/cases/{row.CaseId.Value}");
                var found = FamilyEvidenceReader.For(row, family, claim.AsOf, [], [record], partlyHidden: false);
                lines.Add(claim.Propose(new ClaimLineFacts(row.CaseId, row.HouseholdId, ClaimOutcome.Attachment, row.StartDate, found.ToJson(), found.PartlyHidden), money, now));
            }

            return lines;
        }

        var assessed = await results.AssessAsync(claim.Phase, batch, claim.AsOf, cancellationToken);
        foreach (var row in batch)
        {
            if (!assessed.TryGetValue(row.CaseId, out var outcomes))
            {
                continue;
            }

            // Only what the family can still be paid for: an outcome whose slots are all free (TF3, TF5). In phase 1 a
            // family already claimed for progress to work is proposed crime/ASB and education rather than continuous
            // employment, which pays instead of both.
            bool Free(ClaimOutcome outcome) => ClaimOutcomes.SlotsTakenBy(claim.Phase, outcome).All(slot => !taken.Contains((row.HouseholdId, slot)));
            foreach (var outcome in ClaimResultsReader.Choose(claim.Phase, outcomes, Free))
            {
                var slots = ClaimOutcomes.SlotsTakenBy(claim.Phase, outcome.Outcome);
                if (!slots.All(slot => !taken.Contains((row.HouseholdId, slot))))
                {
                    continue;
                }

                taken.UnionWith(slots.Select(slot => (row.HouseholdId, slot)));

                var found = FamilyEvidenceReader.For(row, families[row.HouseholdId], claim.AsOf, outcome.Checks, outcome.Records, outcome.PartlyHidden);
                lines.Add(claim.Propose(new ClaimLineFacts(row.CaseId, row.HouseholdId, outcome.Outcome, row.StartDate, found.ToJson(), found.PartlyHidden), money, now));
            }
        }

        return lines;
    }
}
