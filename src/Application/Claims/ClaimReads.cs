using CaseManager.Application.Common;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Application.Users;
using CaseManager.Domain.Claims;
using Microsoft.EntityFrameworkCore;

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
    IReadOnlyList<ClaimHistoryItem> History);

public sealed record ClaimProgressView(int Done, int Total);

/// <summary>Lines by status, and the amounts validated and proposed (pounds and pence).</summary>
public sealed record ClaimLineCounts(int Proposed, int Validated, int Rejected, decimal ValidatedAmount);

public sealed record ClaimPerson(Guid Id, string Name);

/// <summary>Who did what to the claim, and when: prepared, each line validated or rejected, submitted.</summary>
public sealed record ClaimHistoryItem(DateTimeOffset At, string Action, ClaimPerson By, Guid? LineId, string? Detail);

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
public sealed class ClaimReads(IAppDbContext db, ICurrentUser currentUser, IUserDirectory users)
{
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

        var decisions = await lines.Where(l => l.DecidedBy != null)
            .OrderBy(l => l.DecidedAt).ThenBy(l => l.Id)
            .Take(500)
            .Select(l => new { l.Id, l.Status, l.DecidedBy, l.DecidedAt, l.Note, l.Outcome })
            .ToListAsync(cancellationToken);
        var people = decisions.Select(d => d.DecidedBy!.Value).Append(claim.PreparedBy).Concat(claim.SubmittedBy is { } s ? [s] : []).Distinct().ToList();
        var names = await users.DisplayNamesAsync(people, cancellationToken);
        ClaimPerson Person(Guid id) => new(id, names.GetValueOrDefault(id) ?? "A former user");

        var history = new List<ClaimHistoryItem> { new(claim.PreparedAt, "Prepared", Person(claim.PreparedBy), null, $"Phase {claim.Phase} {claim.Kind} claim for {claim.Window}") };
        history.AddRange(decisions.Select(d => new ClaimHistoryItem(d.DecidedAt!.Value, d.Status.ToString(), Person(d.DecidedBy!.Value), d.Id.Value,
            d.Note is null ? ClaimOutcomes.Describe(d.Outcome) : $"{ClaimOutcomes.Describe(d.Outcome)}: {d.Note}")));
        if (claim.SubmittedBy is { } submitter)
        {
            history.Add(new ClaimHistoryItem(claim.SubmittedAt!.Value, "Submitted", Person(submitter), null, $"{Count(ClaimLineStatus.Validated)} validated lines, £{validatedAmount:0.00}"));
        }

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
            history);
    }

    public static ClaimLineItem Item(ClaimLine l) => new(
        l.Id.Value, l.CaseId.Value, l.HouseholdId.Value, l.Outcome.ToString(), l.Amount, l.FinancialYear, l.Status.ToString(), l.PreparedBy,
        l.Status == ClaimLineStatus.Validated ? l.DecidedBy : null, l.DecidedBy, l.DecidedAt, l.Note, l.EvidencePartlyHidden);
}
