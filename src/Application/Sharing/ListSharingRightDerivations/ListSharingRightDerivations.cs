using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Domain.Sharing;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.Sharing.ListSharingRightDerivations;

/// <summary>
/// How far the background derivation of sharing rights has got (ADR 0026), for the IG lead and the administrator:
/// the unfinished derivations, oldest first, then the latest finished ones. Counts of people only, never case data.
/// </summary>
[RequiresPolicy(Policies.SharingRightDerivations)]
public sealed record ListSharingRightDerivationsQuery : IQuery<SharingRightDerivationsView>
{
    /// <summary>Finished (or superseded) derivations shown after the unfinished ones.</summary>
    public const int RecentFinished = 10;
}

/// <summary>The derivations: inProgress is true while any is unfinished (new or wider sharing is not in force yet).</summary>
public sealed record SharingRightDerivationsView(bool InProgress, IReadOnlyList<SharingRightDerivationView> Derivations);

/// <summary>
/// One derivation: done of total people (everyone on record) have had their sharing rights worked out again from the
/// changed facts. revokedAtOnce: the change could remove access, so that was done when it was saved, and what the new
/// facts still allow is being given back. No person or case is named.
/// </summary>
public sealed record SharingRightDerivationView(
    Guid Id,
    string Reason,
    string Status,
    bool RevokedAtOnce,
    int Done,
    int Total,
    DateTimeOffset RequestedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt)
{
    public static SharingRightDerivationView From(SharingRightDerivation d) =>
        new(d.Id, d.Reason, d.Status.ToString(), d.RevokedAtOnce, d.Done, d.Total, d.RequestedAt, d.StartedAt, d.FinishedAt);
}

public sealed class ListSharingRightDerivationsHandler(IAppDbContext db) : IQueryHandler<ListSharingRightDerivationsQuery, SharingRightDerivationsView>
{
    public async ValueTask<SharingRightDerivationsView> Handle(ListSharingRightDerivationsQuery query, CancellationToken cancellationToken)
    {
        var unfinished = await db.SharingRightDerivations.AsNoTracking()
            .Where(d => d.Status == SharingRightDerivationStatus.Queued || d.Status == SharingRightDerivationStatus.Running)
            .ToListAsync(cancellationToken);
        var finished = await db.SharingRightDerivations.AsNoTracking()
            .Where(d => d.Status == SharingRightDerivationStatus.Finished || d.Status == SharingRightDerivationStatus.Superseded)
            .OrderByDescending(d => d.RequestedAt)
            .Take(ListSharingRightDerivationsQuery.RecentFinished)
            .ToListAsync(cancellationToken);

        // Latest first; of changes made in the same instant, the one that finished the work before the one it covered.
        return new SharingRightDerivationsView(
            unfinished.Count > 0,
            [
                .. unfinished.OrderBy(d => d.RequestedAt).ThenBy(d => d.Id).Select(SharingRightDerivationView.From),
                .. finished.OrderByDescending(d => d.RequestedAt).ThenBy(d => d.Status == SharingRightDerivationStatus.Finished ? 0 : 1)
                    .Select(SharingRightDerivationView.From),
            ]);
    }
}
