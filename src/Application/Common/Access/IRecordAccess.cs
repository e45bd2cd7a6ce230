using System.Linq.Expressions;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.Cases;
using CaseManager.Domain.Common;
using CaseManager.Domain.Households;
using CaseManager.Domain.People;

namespace CaseManager.Application.Common.Access;

/// <summary>
/// The one place that decides which records the current actor may read (DOMAIN.md IS7). Every list, search,
/// read and count of case data goes through <see cref="Readable{T}"/>, which adds the rule to the query itself
/// so that the database never returns a row the actor may not see: nothing is filtered in memory afterwards.
/// Consent records are narrower still: shared by agreement only with an agency the consent names as a recipient.
/// </summary>
public interface IRecordAccess
{
    IQueryable<T> Readable<T>(IQueryable<T> source)
        where T : class, IAgencyOwned;

    /// <summary>
    /// The same records as <see cref="Readable{T}"/> for records about one person, as two parts that cannot overlap,
    /// each with the whole rule applied: those the reader's agency owns, and those another agency owns whose person a
    /// sharing right of the reader's agency that counts today, or the user's live grant, names (the only ways a record
    /// another agency owns can be read). Each part is a range of its own index, so a count over a large table reads the
    /// reader's own records and the few shared ones instead of asking the rule about every row (the treatment report,
    /// docs/performance.md). Filter <paramref name="source"/> before, not after: the parts are a union. By default it is
    /// <see cref="Readable{T}"/>.
    /// </summary>
    IQueryable<T> ReadableSplitByOwner<T>(IQueryable<T> source)
        where T : class, IPersonRecord => Readable(source);

    /// <summary>
    /// The households the actor may know of (DOMAIN.md FAM2, IS7): those their agency recorded, those with a
    /// member, current or past, whom <see cref="Readable{T}"/> lets them see, and those with a family case they may read. The members themselves are read through
    /// <see cref="Readable{T}"/> over people, so that a member the actor may not see is left out without a trace.
    /// </summary>
    IQueryable<Household> ReadableHouseholds(IQueryable<Household> source);

    /// <summary>
    /// The same households as <see cref="ReadableHouseholds"/>, worked out from the reader's side: first the households
    /// the reader's agency, sharing rights, case reader rows, grants and open cases reach, each from an index, then the
    /// whole rule over those only, in the same statement. For reads over every household by readers who may know few
    /// of them (the coordinator's eligible families); where most households are readable it only adds work. By default
    /// (an implementation with no cheaper way) it is <see cref="ReadableHouseholds"/> itself.
    /// </summary>
    IQueryable<Household> ReadableHouseholdsFromReader(IQueryable<Household> source) => ReadableHouseholds(source);

    /// <summary>
    /// How many cases <see cref="Readable{T}"/> lets the actor read in one scheme (or all) with one of the statuses
    /// (or any): the same number as counting <c>Readable(db.Cases)</c> so filtered, read from index ranges instead
    /// of checking each case (ADR 0016). A caseload's total.
    /// </summary>
    Task<int> CountCaseloadAsync(Scheme? scheme, IReadOnlyCollection<CaseStatus>? statuses, CancellationToken cancellationToken);

    /// <summary>
    /// Why the actor may read a record they have already been given: null when their agency owns it, otherwise the
    /// agreement (and consent) or break-glass grant that allows it. Used to show and audit the rule. IS7a, which
    /// opens person records only, is explained by <see cref="ExplainManyAsync"/> over people.
    /// </summary>
    Task<RecordAccessExplanation?> ExplainAsync(PersonId personId, AgencyCode owner, DataCategory category, CancellationToken cancellationToken);

    /// <summary>
    /// <see cref="ExplainAsync"/> for every record of a query, such as one page of results, in a fixed number of
    /// queries however many records there are. Records the reader's agency owns, and records nothing allows them
    /// to read, are left out of the answer.
    /// </summary>
    Task<IReadOnlyDictionary<TKey, RecordAccessExplanation>> ExplainManyAsync<T, TKey>(
        IQueryable<T> records, Expression<Func<T, TKey>> key, CancellationToken cancellationToken)
        where T : class, IAgencyOwned
        where TKey : notnull;
}

/// <summary>Why a reader may see a record another agency owns (API.md "access").</summary>
public sealed record RecordAccessExplanation(
    [property: NamesOf(AccessRules.SharingAgreement, AccessRules.Consent, AccessRules.BreakGlass, AccessRules.OpenCase)] string Rule,
    Guid? AgreementId = null,
    Guid? ConsentId = null,
    Guid? GrantId = null,
    string? AgreementName = null,
    DateTimeOffset? GrantExpiresAt = null);

public static class AccessRules
{
    public const string SharingAgreement = nameof(SharingAgreement);
    public const string Consent = nameof(Consent);
    public const string BreakGlass = nameof(BreakGlass);

    /// <summary>IS7a: the reader's agency owns an open case on the person (or their household): their person record only.</summary>
    public const string OpenCase = nameof(OpenCase);
}
