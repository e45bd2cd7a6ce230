using CaseManager.Application.Common;
using CaseManager.Application.Common.Paging;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Application.Common.Time;
using CaseManager.Application.Users;
using CaseManager.Domain.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CaseManager.Application.Claims;

/// <summary>A claim as the API and pages show it (API.md "Payment-by-results claims").</summary>
public sealed record ClaimView(
    Guid Id,
    int Phase,
    [property: NamesOf(typeof(ClaimKind))] string Kind,
    string Window,
    DateOnly AsOf,
    [property: NamesOf(typeof(ClaimStatus))] string Status,
    ClaimProgressView Progress,
    int Lines,
    decimal Amount,
    ClaimLineCounts Counts,
    ClaimPerson PreparedBy,
    DateTimeOffset PreparedAt,
    ClaimPerson? SubmittedBy,
    DateTimeOffset? SubmittedAt,
    int Version,
    bool PreparationStalled,
    IReadOnlyList<ClaimHistoryItem> History,
    int HistoryTotal);

public sealed record ClaimProgressView(int Done, int Total);

/// <summary>Lines by status, and the amounts validated and proposed (pounds and pence).</summary>
public sealed record ClaimLineCounts(int Proposed, int Validated, int Rejected, decimal ValidatedAmount);

public sealed record ClaimPerson(Guid Id, string Name);

/// <summary>
/// Who did what to the claim, and when: prepared, every decision on a line (a changed decision keeps the earlier one),
/// submitted or cancelled. The action is Prepared, a line's decision (Proposed, Validated or Rejected), Submitted or Cancelled.
/// </summary>
public sealed record ClaimHistoryItem(
    DateTimeOffset At,
    [property: NamesOf("Prepared", nameof(ClaimLineStatus.Proposed), nameof(ClaimLineStatus.Validated), nameof(ClaimLineStatus.Rejected), "Submitted", "Cancelled")] string Action,
    ClaimPerson By,
    Guid? LineId,
    string? Detail);

public sealed record ClaimListItem(Guid Id, int Phase, [property: NamesOf(typeof(ClaimKind))] string Kind, string Window, [property: NamesOf(typeof(ClaimStatus))] string Status, ClaimProgressView Progress, string PreparedBy, DateTimeOffset PreparedAt);

/// <summary>A line of a claim (API.md): the family case, the result, its amount and who prepared and checked it.</summary>
public sealed record ClaimLineItem(
    Guid LineId,
    Guid CaseId,
    Guid HouseholdId,
    [property: NamesOf(typeof(ClaimOutcome))] string Result,
    decimal Amount,
    int FinancialYear,
    [property: NamesOf(typeof(ClaimLineStatus))] string Status,
    Guid PreparedBy,
    Guid? ValidatedBy,
    Guid? DecidedBy,
    DateTimeOffset? DecidedAt,
    string? Note,
    bool EvidencePartlyHidden);

/// <summary>A line with its evidence, as frozen when it was proposed.</summary>
public sealed record ClaimLineDetails(ClaimLineItem Line, string ClaimStatus, ClaimEvidence Evidence, string? PartlyHiddenNote);

/// <summary>
/// Claims are read by the claims officers of the agency that prepared them: a claim of another agency is "not found",
/// like a record the reader may not see.
/// </summary>
public sealed class ClaimReads(IAppDbContext db, ICurrentUser currentUser, IUserDirectory users, PartnershipClock clock, IOptions<ClaimOptions> options)
{
    /// <summary>How much of the history a claim's view carries; the rest is read a page at a time (<see cref="HistoryAsync"/>).</summary>
    public const int HistoryInView = 100;

    public IQueryable<Claim> Visible()
    {
        var agency = currentUser.Actor.RequireAgency();
        return db.Claims.Where(c => c.PreparedByAgency == agency);
    }

    public async Task<Claim> GetAsync(ClaimId id, CancellationToken cancellationToken) =>
        await Visible().SingleOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw NotFoundException.For("Claim", id);

    public async Task<ClaimLine> GetLineAsync(Claim claim, ClaimLineId lineId, CancellationToken cancellationToken) =>
        await db.ClaimLines.SingleOrDefaultAsync(l => l.Id == lineId && l.ClaimId == claim.Id, cancellationToken)
            ?? throw NotFoundException.For("Claim line", lineId);

    public async Task<ClaimView> ViewAsync(Claim claim, CancellationToken cancellationToken)
    {
        var lines = db.ClaimLines.AsNoTracking().Where(l => l.ClaimId == claim.Id);
        var byStatus = await lines.GroupBy(l => l.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);

        // SQLite has no decimal arithmetic: the amounts are added here, never rounded again (TF3: totals add up to the lines).
        var validatedAmount = (await lines.Where(l => l.Status == ClaimLineStatus.Validated).Select(l => l.Amount).ToListAsync(cancellationToken)).Sum();
        var openAmount = claim.Status == ClaimStatus.Submitted
            ? validatedAmount
            : (await lines.Where(l => l.Status != ClaimLineStatus.Rejected).Select(l => l.Amount).ToListAsync(cancellationToken)).Sum();
        int Count(ClaimLineStatus status) => byStatus.SingleOrDefault(s => s.Status == status)?.Count ?? 0;

        var history = await HistoryAsync(claim, 1, HistoryInView, cancellationToken);
        var names = await users.DisplayNamesAsync([claim.PreparedBy, .. claim.SubmittedBy is { } s ? [s] : Array.Empty<Guid>()], cancellationToken);
        ClaimPerson Person(Guid id) => new(id, names.GetValueOrDefault(id) ?? "A former user");

        var total = byStatus.Sum(s => s.Count);
        return new ClaimView(
            claim.Id.Value,
            claim.Phase,
            claim.Kind.ToString(),
            claim.Window,
            claim.AsOf,
            claim.Status.ToString(),
            new ClaimProgressView(claim.Done, claim.Total),
            total,
            openAmount,
            new ClaimLineCounts(Count(ClaimLineStatus.Proposed), Count(ClaimLineStatus.Validated), Count(ClaimLineStatus.Rejected), validatedAmount),
            Person(claim.PreparedBy),
            claim.PreparedAt,
            claim.SubmittedBy is { } by ? Person(by) : null,
            claim.SubmittedAt,
            claim.Version,
            IsStalled(claim),
            history.Items,
            history.Total);
    }

    /// <summary>
    /// Whether the preparation has stopped for good: still Preparing, not moved for
    /// <see cref="ClaimOptions.PreparationStalledAfter"/>, and the sweep has queued it again as often as it may
    /// (docs/adr/0025). The claim page then offers to cancel it.
    /// </summary>
    public bool IsStalled(Claim claim) =>
        claim.Status == ClaimStatus.Preparing
        && claim.PreparationActiveAt < clock.Now - options.Value.PreparationStalledAfter
        && claim.Requeues >= options.Value.PreparationRequeues;

    /// <summary>
    /// One page of the claim's history, oldest first: prepared, then every decision on a line in the order made
    /// (<see cref="ClaimLineDecision"/>, so a changed decision keeps the earlier one), then submitted or cancelled.
    /// </summary>
    public async Task<Paged<ClaimHistoryItem>> HistoryAsync(Claim claim, int page, int pageSize, CancellationToken cancellationToken)
    {
        var decisions = db.ClaimLineDecisions.AsNoTracking().Where(d => d.ClaimId == claim.Id);
        var decisionCount = await decisions.CountAsync(cancellationToken);
        var closing = claim.SubmittedBy is not null || claim.CancelledBy is not null ? 1 : 0;
        var total = 1 + decisionCount + closing;

        // Position 0 is "Prepared", positions 1..n the decisions, the last the submission or cancellation.
        var from = (long)(page - 1) * pageSize;
        var to = Math.Min(from + pageSize, total);
        var items = new List<(DateTimeOffset At, string Action, Guid By, Guid? LineId, string? Detail)>();
        if (from < to)
        {
            if (from == 0)
            {
                items.Add((claim.PreparedAt, "Prepared", claim.PreparedBy, null, $"Phase {claim.Phase} {claim.Kind} claim for {claim.Window}"));
            }

            var skip = (int)Math.Max(from - 1, 0);
            var take = (int)(Math.Min(to - 1, decisionCount) - skip);
            if (take > 0)
            {
                var rows = await decisions.OrderBy(d => d.At).ThenBy(d => d.Id).Skip(skip).Take(take)
                    .Select(d => new { d.At, d.Status, d.By, d.ClaimLineId, d.Note, d.Outcome })
                    .ToListAsync(cancellationToken);
                items.AddRange(rows.Select(d => (d.At, d.Status.ToString(), d.By, (Guid?)d.ClaimLineId.Value,
                    (string?)(d.Note is null ? ClaimOutcomes.Describe(d.Outcome) : $"{ClaimOutcomes.Describe(d.Outcome)}: {d.Note}"))));
            }

            if (closing == 1 && to == total)
            {
                if (claim.SubmittedBy is { } submitter)
                {
                    var validated = await db.ClaimLines.AsNoTracking().Where(l => l.ClaimId == claim.Id && l.Status == ClaimLineStatus.Validated)
                        .Select(l => l.Amount).ToListAsync(cancellationToken);
                    items.Add((claim.SubmittedAt!.Value, "Submitted", submitter, null, $"{validated.Count} validated lines, £{validated.Sum():0.00}"));
                }
                else
                {
                    items.Add((claim.CancelledAt!.Value, "Cancelled", claim.CancelledBy!.Value, null, $"Cancelled while preparing, after {claim.Done} of {claim.Total} cases"));
                }
            }
        }

        var names = await users.DisplayNamesAsync([.. items.Select(i => i.By).Distinct()], cancellationToken);
        return new Paged<ClaimHistoryItem>(
            [.. items.Select(i => new ClaimHistoryItem(i.At, i.Action, new ClaimPerson(i.By, names.GetValueOrDefault(i.By) ?? "A former user"), i.LineId, i.Detail))],
            page,
            pageSize,
            total);
    }

    public static ClaimLineItem Item(ClaimLine l) => new(
        l.Id.Value, l.CaseId.Value, l.HouseholdId.Value, l.Outcome.ToString(), l.Amount, l.FinancialYear, l.Status.ToString(), l.PreparedBy,
        l.Status == ClaimLineStatus.Validated ? l.DecidedBy : null, l.DecidedBy, l.DecidedAt, l.Note, l.EvidencePartlyHidden);
}
