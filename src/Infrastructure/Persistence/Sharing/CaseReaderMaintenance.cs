using CaseManager.Domain.Agencies;
using CaseManager.Domain.People;
using CaseManager.Domain.Sharing;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Infrastructure.Persistence.Sharing;

/// <summary>
/// Keeps <see cref="CaseReader"/> rows equal to what <see cref="CaseReader.Derive"/> makes of the saved cases and
/// sharing rights (ADR 0016). It runs after <see cref="SharingRightMaintenance"/> has brought the rights up to date,
/// in the same transaction, for every person whose cases or rights the save touched.
/// </summary>
internal static class CaseReaderMaintenance
{
    private const int PeoplePerBatch = 500;

    /// <summary>Derives the rows of these people's cases again.</summary>
    public static async Task RebuildForPeopleAsync(
        CaseDbContext db, IReadOnlyCollection<PersonId> people, IReadOnlyDictionary<SharingAgreementId, IReadOnlySet<AgencyCode>> parties, CancellationToken cancellationToken)
    {
        foreach (var batch in people.Chunk(PeoplePerBatch))
        {
            await RebuildBatchAsync(db, batch, parties, cancellationToken);
        }
    }

    /// <summary>Makes every row again, for everyone who has a sharing right; nobody else's cases are shared.</summary>
    public static async Task RebuildAllAsync(CaseDbContext db, IReadOnlyDictionary<SharingAgreementId, IReadOnlySet<AgencyCode>> parties, CancellationToken cancellationToken)
    {
        await db.Set<CaseReader>().ExecuteDeleteAsync(cancellationToken);
        var people = await db.SharingRights.AsNoTracking().Select(r => r.PersonId).Distinct().ToListAsync(cancellationToken);
        foreach (var batch in people.Chunk(PeoplePerBatch))
        {
            await RebuildBatchAsync(db, batch, parties, cancellationToken, deleteFirst: false);
        }
    }

    /// <summary>The people among these whose stored case readers are not what the given rights derive.</summary>
    public static async Task<HashSet<PersonId>> DifferingPeopleAsync(
        CaseDbContext db,
        PersonId[] people,
        IReadOnlyCollection<SharingRight> rights,
        IReadOnlyDictionary<SharingAgreementId, IReadOnlySet<AgencyCode>> parties,
        CancellationToken cancellationToken)
    {
        var cases = await FactsAsync(db, people, cancellationToken);
        var expected = CaseReader.Derive(cases, rights, parties).ToList();
        var caseIds = cases.Select(c => c.Id).ToList();
        var stored = await db.CaseReaders.AsNoTracking().Where(r => caseIds.Contains(r.CaseId)).ToListAsync(cancellationToken);
        var personOf = cases.ToDictionary(c => c.Id, c => c.PersonId);
        return SharingRightMaintenance.Differing(
            expected, stored, r => personOf[r.CaseId], r => (r.CaseId, r.ReaderAgency, r.Scheme, r.Status, r.ValidFrom, r.ValidTo));
    }

    private static Task<List<CaseFacts>> FactsAsync(CaseDbContext db, PersonId[] people, CancellationToken cancellationToken) =>
        db.Cases.AsNoTracking()
            .Where(c => people.Contains(c.PersonId))
            .Select(c => new CaseFacts(c.Id, c.PersonId, c.OwnerAgency, c.DataCategory, c.Scheme, c.Status))
            .ToListAsync(cancellationToken);

    private static async Task RebuildBatchAsync(
        CaseDbContext db,
        PersonId[] people,
        IReadOnlyDictionary<SharingAgreementId, IReadOnlySet<AgencyCode>> parties,
        CancellationToken cancellationToken,
        bool deleteFirst = true)
    {
        var cases = await FactsAsync(db, people, cancellationToken);
        if (deleteFirst && cases.Count > 0)
        {
            // By case, not by person: a row's index leads with its case, and a deleted case took its rows with it.
            var caseIds = cases.Select(c => c.Id).ToList();
            await db.Set<CaseReader>().Where(r => caseIds.Contains(r.CaseId)).ExecuteDeleteAsync(cancellationToken);
        }

        var rights = await db.SharingRights.AsNoTracking().Where(r => people.Contains(r.PersonId)).ToListAsync(cancellationToken);
        var readers = CaseReader.Derive(cases, rights, parties).ToList();
        await BulkInsert.InsertAsync(db, readers, ifAbsent: false, cancellationToken);
    }
}
