using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Application.Common.Time;
using CaseManager.Domain.Auditing;
using CaseManager.Domain.Claims;
using CaseManager.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CaseManager.Application.Claims.SubmitClaim;

/// <summary>
/// Submits a claim's validated lines (DOMAIN.md TF5), all or nothing, in one transaction, with the database as the
/// guard (docs/adr/0022):
/// 1. each line's outcome goes into the ledger, insert-if-absent on (phase, family, slot), a row for each slot it
///    takes (phase 1 continuous employment also takes progress to work's, TF3): a key already taken, by
///    an earlier claim or by one being submitted at this moment, means the outcome was claimed before, and the
///    whole submission is refused with <c>claims.already-claimed</c>;
/// 2. each family not yet counted in the phase is counted, insert-if-absent, and the phase's count moves on by
///    one conditional update that never passes the allocation (<c>claims.allocation-exceeded</c>).
/// The claim is then frozen: its lines, amounts and evidence no longer change.
/// </summary>
[RequiresPolicy(Policies.Claims)]
public sealed record SubmitClaimCommand(ClaimId ClaimId) : ICommand<ClaimView>;

public sealed class SubmitClaimHandler(
    IAppDbContext db,
    ClaimReads reads,
    IClaimStore store,
    ICurrentUser currentUser,
    IAuditTrail audit,
    PartnershipClock clock,
    IOptions<ClaimOptions> options) : ICommandHandler<SubmitClaimCommand, ClaimView>
{
    public async ValueTask<ClaimView> Handle(SubmitClaimCommand command, CancellationToken cancellationToken)
    {
        var claim = await reads.GetAsync(command.ClaimId, cancellationToken);
        var validated = await db.ClaimLines.AsNoTracking()
            .Where(l => l.ClaimId == claim.Id && l.Status == ClaimLineStatus.Validated)
            .OrderBy(l => l.Id)
            .ToListAsync(cancellationToken);
        var now = clock.Now;
        claim.Submit(currentUser.Actor.RequireUserId(), validated.Count, now);

        var outcomes = validated.SelectMany(l => ClaimedOutcome.For(l, now)).ToList();
        if (await store.AddOutcomesIfAbsentAsync(outcomes, cancellationToken) != outcomes.Count)
        {
            throw await AlreadyClaimedAsync(claim, validated, cancellationToken);
        }

        var allocation = options.Value.Allocation;
        var families = validated.Select(l => l.HouseholdId).Distinct().Select(h => new ClaimedFamily(claim.Phase, h, claim.Id, now)).ToList();
        await store.AddAllocationIfAbsentAsync(new ClaimAllocation(claim.Phase), cancellationToken);
        var newFamilies = await store.AddFamiliesIfAbsentAsync(families, cancellationToken);
        if (newFamilies > 0)
        {
            var phase = claim.Phase;
            var counted = await db.ClaimAllocations
                .Where(a => a.Phase == phase && a.Families + newFamilies <= allocation)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.Families, a => a.Families + newFamilies), cancellationToken);
            if (counted == 0)
            {
                var used = await db.ClaimAllocations.AsNoTracking().Where(a => a.Phase == phase).Select(a => a.Families).SingleAsync(cancellationToken);
                throw new DomainRuleException("claims.allocation-exceeded",
                    $"This claim would count {newFamilies} more families in phase {phase}, but {used} of the area's allocation of {allocation} are already claimed for");
            }
        }

        audit.Record("claim.submit", AuditOutcome.Allowed, AccessRule.Role, new AuditSubject("Claim", claim.Id.ToString()),
            $"{validated.Count} validated lines for {families.Count} families, £{validated.Sum(l => l.Amount):0.00}");
        return await reads.ViewAsync(claim, cancellationToken);
    }

    private async Task<DomainRuleException> AlreadyClaimedAsync(Claim claim, IReadOnlyList<ClaimLine> lines, CancellationToken cancellationToken)
    {
        var ours = lines.Select(l => l.Id).ToList();
        var households = lines.Select(l => l.HouseholdId).Distinct().ToList();
        var taken = await db.ClaimedOutcomes.AsNoTracking()
            .Where(o => o.Phase == claim.Phase && households.Contains(o.HouseholdId) && !ours.Contains(o.ClaimLineId))
            .Select(o => new { o.HouseholdId, o.Slot, o.CaseId, o.Outcome })
            .ToListAsync(cancellationToken);
        var clashes = lines.Where(l => taken.Any(t => t.HouseholdId == l.HouseholdId && ClaimOutcomes.SlotsTakenBy(l.Phase, l.Outcome).Contains(t.Slot))).ToList();
        var described = clashes.Count == 0
            ? "another claim being submitted at the same time took the same outcomes"
            : string.Join("; ", clashes.Take(5).Select(l => $"{ClaimOutcomes.Describe(l.Outcome)} for case {l.CaseId}")) + (clashes.Count > 5 ? $" and {clashes.Count - 5} more" : string.Empty);
        return new DomainRuleException("claims.already-claimed", $"Some outcomes of this claim were claimed before, so nothing was submitted: {described}. Reject those lines and submit again.");
    }
}
