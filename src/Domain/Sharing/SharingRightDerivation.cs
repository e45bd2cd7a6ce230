using CaseManager.Domain.Agencies;
using CaseManager.Domain.People;

namespace CaseManager.Domain.Sharing;

/// <summary>
/// Sharing rights and case readers being worked out again in the background after an agreement or an agency's
/// schemes changed (ADR 0026). The change itself only ever took access away in its request (see
/// <see cref="SharingChange"/>); this works out, a batch of people at a time in id order, what the new facts allow.
/// <see cref="Cursor"/> is the last person done, so a job that was stopped carries on after it. A later change makes
/// an unfinished one <see cref="SharingRightDerivationStatus.Superseded"/>: the later one goes over everyone again
/// from the facts as they are then.
/// </summary>
public sealed class SharingRightDerivation
{
    private SharingRightDerivation()
    {
        Reason = string.Empty;
    }

    public Guid Id { get; private set; }

    /// <summary>What changed, in words for the IG lead and the administrator (agreement names, agency codes; no case data).</summary>
    public string Reason { get; private set; }

    /// <summary>Whether the change took access away at once in its request (an agreement ended or narrowed, a scheme removed).</summary>
    public bool RevokedAtOnce { get; private set; }

    public SharingRightDerivationStatus Status { get; private set; }

    /// <summary>People worked out so far.</summary>
    public int Done { get; private set; }

    /// <summary>People to work out: everyone on record when it was requested, and again when the work started.</summary>
    public int Total { get; private set; }

    /// <summary>The last person worked out; the next batch starts after this id.</summary>
    public PersonId? Cursor { get; private set; }

    public DateTimeOffset RequestedAt { get; private set; }

    public DateTimeOffset? StartedAt { get; private set; }

    public DateTimeOffset? FinishedAt { get; private set; }

    public bool IsUnfinished => Status is SharingRightDerivationStatus.Queued or SharingRightDerivationStatus.Running;

    public static SharingRightDerivation Request(string reason, bool revokedAtOnce, int people, DateTimeOffset at) => new()
    {
        Total = people,
        Id = Guid.CreateVersion7(at),
        Reason = reason.Length > 1000 ? reason[..997] + "..." : reason,
        RevokedAtOnce = revokedAtOnce,
        Status = SharingRightDerivationStatus.Queued,
        RequestedAt = at,
    };

    /// <summary>The first batch: counts the people there are to work out.</summary>
    public void Start(int people, DateTimeOffset at)
    {
        if (Status != SharingRightDerivationStatus.Queued)
        {
            return;
        }

        Status = SharingRightDerivationStatus.Running;
        StartedAt = at;
        Total = people;
    }

    /// <summary>A batch of people worked out, the last of them <paramref name="last"/>.</summary>
    public void Advance(int people, PersonId last)
    {
        Done += people;

        // People added while it runs come after the cursor (ids grow with time) and are done too.
        Total = Math.Max(Total, Done);
        Cursor = last;
    }

    public void Finish(DateTimeOffset at)
    {
        Status = SharingRightDerivationStatus.Finished;
        Total = Math.Max(Total, Done);
        FinishedAt = at;
    }

    /// <summary>A later change started the work again from the first person; this one need not finish.</summary>
    public void Supersede(DateTimeOffset at)
    {
        if (IsUnfinished)
        {
            Status = SharingRightDerivationStatus.Superseded;
            FinishedAt = at;
        }
    }
}

public enum SharingRightDerivationStatus
{
    /// <summary>Recorded with the change; no batch has run yet.</summary>
    Queued,

    /// <summary>Some batches have run.</summary>
    Running,

    /// <summary>Every person was worked out again.</summary>
    Finished,

    /// <summary>A later change's work covers this one.</summary>
    Superseded,
}

/// <summary>What a change to an agreement or to an agency's schemes does to the rights derived from it (ADR 0026).</summary>
public enum SharingChangeEffect
{
    /// <summary>Nothing the rights are derived from changed (a name, say).</summary>
    None,

    /// <summary>It can only give more: the new rights are worked out in the background and count from then.</summary>
    GrantLater,

    /// <summary>
    /// It could take something away: the rows it rests on are deleted in the request, then everything it still
    /// allows is worked out in the background. Fails closed.
    /// </summary>
    RevokeNow,
}

/// <summary>The terms of an agreement that its sharing rights are derived from.</summary>
public sealed record AgreementScope(
    IReadOnlySet<AgencyCode> Agencies,
    IReadOnlySet<DataCategory> Categories,
    IReadOnlySet<Scheme> Purposes,
    bool ConsentRequired,
    DateOnly ValidFrom,
    DateOnly? ValidTo)
{
    public static AgreementScope Of(SharingAgreement agreement) => new(
        agreement.Agencies.Select(a => a.Agency).ToHashSet(),
        agreement.Categories.Select(c => c.Category).ToHashSet(),
        agreement.Purposes.Select(p => p.Scheme).ToHashSet(),
        agreement.ConsentRequired,
        agreement.ValidFrom,
        agreement.ValidTo);
}

/// <summary>
/// Classifies a change to what sharing rights are derived from (ADR 0026): anything that could take access away
/// revokes at once, in the request; anything that can only give more is granted later, when the background
/// derivation has worked it out. Whatever is not clearly a widening is treated as a narrowing.
/// </summary>
public static class SharingChange
{
    /// <summary>
    /// An agreement's change: <paramref name="before"/> null for a new agreement, <paramref name="after"/> null for a
    /// deleted one. A party added counts as a narrowing: the access rule checks a record's owner against the
    /// agreement's parties as it reads (ADR 0015), so the rights already stored would let the other parties read the
    /// new party's records at once, before anyone decided they should; they are deleted and worked out again.
    /// </summary>
    public static SharingChangeEffect OfAgreement(AgreementScope? before, AgreementScope? after)
    {
        if (before is null)
        {
            return after is null ? SharingChangeEffect.None : SharingChangeEffect.GrantLater;
        }

        if (after is null)
        {
            return SharingChangeEffect.RevokeNow;
        }

        var narrowed =
            !before.Agencies.SetEquals(after.Agencies)
            || !before.Categories.IsSubsetOf(after.Categories)
            || !before.Purposes.IsSubsetOf(after.Purposes)
            || (after.ConsentRequired && !before.ConsentRequired)
            || after.ValidFrom > before.ValidFrom
            || (after.ValidTo is { } end && (before.ValidTo is null || end < before.ValidTo));
        if (narrowed)
        {
            return SharingChangeEffect.RevokeNow;
        }

        var widened =
            !after.Categories.SetEquals(before.Categories)
            || !after.Purposes.SetEquals(before.Purposes)
            || after.ConsentRequired != before.ConsentRequired
            || after.ValidFrom != before.ValidFrom
            || after.ValidTo != before.ValidTo;
        return widened ? SharingChangeEffect.GrantLater : SharingChangeEffect.None;
    }

    /// <summary>
    /// An agency's schemes, which decide whether it may read as a party to an agreement: <paramref name="before"/>
    /// null for a new agency, <paramref name="after"/> null for a removed one.
    /// </summary>
    public static SharingChangeEffect OfAgencySchemes(IReadOnlySet<Scheme>? before, IReadOnlySet<Scheme>? after)
    {
        if (before is null)
        {
            return after is null ? SharingChangeEffect.None : SharingChangeEffect.GrantLater;
        }

        if (after is null || !before.IsSubsetOf(after))
        {
            return SharingChangeEffect.RevokeNow;
        }

        return before.SetEquals(after) ? SharingChangeEffect.None : SharingChangeEffect.GrantLater;
    }
}
