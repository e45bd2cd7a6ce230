using System.Globalization;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.Cases;
using CaseManager.Domain.People;

namespace CaseManager.Domain.Sharing;

/// <summary>
/// An agency other than the owner that may read one case, and the days it may: the sharing rights that cover the
/// case (its person and category, an agreement the owner is a party to), joined into spans that do not overlap.
/// At most one row of a case and reader counts on any day, so a caseload's total is a count of the rows that count
/// today, read from one range of an index (ADR 0016). The case's scheme and status are copied here for that range.
/// These rows are derived from the cases and the <see cref="SharingRight"/> rows by <see cref="Derive"/>, kept in step
/// on every save that changes either, and read by the access rule. Nobody edits them.
/// </summary>
public sealed class CaseReader
{
    private CaseReader()
    {
    }

    public long Id { get; private set; }

    public CaseId CaseId { get; private set; }

    public AgencyCode ReaderAgency { get; private set; }

    public Scheme Scheme { get; private set; }

    public CaseStatus Status { get; private set; }

    /// <summary>The first day it counts.</summary>
    public DateOnly ValidFrom { get; private set; }

    /// <summary>The last day it counts; <see cref="DateOnly.MaxValue"/> when open-ended, so a read compares once.</summary>
    public DateOnly ValidTo { get; private set; }

    public bool CountsOn(DateOnly day) => ValidFrom <= day && ValidTo >= day;

    public override string ToString() =>
        $"{ReaderAgency} reads case {CaseId} ({Scheme}, {Status})"
        + $" from {ValidFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}"
        + $" to {(ValidTo == DateOnly.MaxValue ? "open" : ValidTo.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))}";

    /// <summary>
    /// Every reader row the given facts allow. The rights must be all of those of the cases' people; the parties are
    /// every agreement's agencies. A right lets its reader read the case when it is about the case's person and
    /// category and the case's owner is a party to its agreement; the owner itself needs no row, and victim-sensitive
    /// cases get none. Spans of one reader that overlap or touch are joined, so no day is counted twice.
    /// </summary>
    public static IEnumerable<CaseReader> Derive(
        IEnumerable<CaseFacts> cases,
        IReadOnlyCollection<SharingRight> rights,
        IReadOnlyDictionary<SharingAgreementId, IReadOnlySet<AgencyCode>> agreementParties)
    {
        var rightsOf = rights.ToLookup(r => (r.PersonId, r.DataCategory));
        foreach (var shared in cases.Where(c => c.DataCategory != DataCategory.VictimSensitive).DistinctBy(c => c.Id))
        {
            // A family case is about its members on the days they were members (DOMAIN.md IS7b): each member's
            // rights count for the case on those days only.
            var covering =
                from subject in shared.Subjects
                from right in rightsOf[(subject.PersonId, shared.DataCategory)]
                where right.ReaderAgency != shared.OwnerAgency
                    && agreementParties.TryGetValue(right.AgreementId, out var parties)
                    && parties.Contains(shared.OwnerAgency)
                let start = right.ValidFrom > subject.From ? right.ValidFrom : subject.From
                let end = (right.ValidTo ?? DateOnly.MaxValue) < subject.To ? right.ValidTo ?? DateOnly.MaxValue : subject.To
                group (start, end) by right.ReaderAgency;
            foreach (var reader in covering)
            {
                foreach (var (from, to) in Joined(reader))
                {
                    yield return new CaseReader
                    {
                        CaseId = shared.Id,
                        ReaderAgency = reader.Key,
                        Scheme = shared.Scheme,
                        Status = shared.Status,
                        ValidFrom = from,
                        ValidTo = to,
                    };
                }
            }
        }
    }

    /// <summary>The union of day spans (both ends included), as the fewest spans that neither overlap nor touch.</summary>
    public static IEnumerable<(DateOnly From, DateOnly To)> Joined(IEnumerable<(DateOnly From, DateOnly To)> spans)
    {
        (DateOnly From, DateOnly To)? current = null;
        foreach (var span in spans.Where(s => s.From <= s.To).OrderBy(s => s.From))
        {
            if (current is { } open && (open.To == DateOnly.MaxValue || span.From <= open.To.AddDays(1)))
            {
                current = (open.From, span.To > open.To ? span.To : open.To);
                continue;
            }

            if (current is { } done)
            {
                yield return done;
            }

            current = span;
        }

        if (current is { } last)
        {
            yield return last;
        }
    }
}

/// <summary>
/// What a case's readers are derived from: who it is about and on which days (one person always; a household's
/// members on the days of their membership), who owns it, what it holds and where it stands.
/// </summary>
public readonly record struct CaseFacts(CaseId Id, IReadOnlyList<CaseSubject> Subjects, AgencyCode OwnerAgency, DataCategory DataCategory, Scheme Scheme, CaseStatus Status)
{
    /// <summary>A person's case: about them on every day.</summary>
    public CaseFacts(CaseId id, PersonId personId, AgencyCode ownerAgency, DataCategory dataCategory, Scheme scheme, CaseStatus status)
        : this(id, [new CaseSubject(personId, DateOnly.MinValue, DateOnly.MaxValue)], ownerAgency, dataCategory, scheme, status)
    {
    }
}

/// <summary>A person a case is about, from one day to another (both included; <see cref="DateOnly.MaxValue"/>: open).</summary>
public readonly record struct CaseSubject(PersonId PersonId, DateOnly From, DateOnly To);
