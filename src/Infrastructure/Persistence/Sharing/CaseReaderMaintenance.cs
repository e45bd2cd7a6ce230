using CaseManager.Domain.Agencies;
using CaseManager.Domain.Cases;
using CaseManager.Domain.Households;
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

        // A family case is found through each of its members, who may fall in different batches: made once.
        var done = new HashSet<CaseId>();
        foreach (var batch in people.Chunk(PeoplePerBatch))
        {
            await RebuildBatchAsync(db, batch, parties, cancellationToken, deleteFirst: false, done);
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

        // A family case's other members, outside this batch, count with their stored rights.
        var batch = people.ToHashSet();
        var others = cases.SelectMany(c => c.Subjects).Select(s => s.PersonId).Where(p => !batch.Contains(p)).Distinct().ToArray();
        var allRights = rights.Concat(await RightsOfAsync(db, others, cancellationToken)).ToList();
        var expected = CaseReader.Derive(cases, allRights, parties).ToList();
        var caseIds = cases.Select(c => c.Id).ToList();
        var stored = await db.CaseReaders.AsNoTracking().Where(r => caseIds.Contains(r.CaseId)).ToListAsync(cancellationToken);
        var personOf = cases.ToDictionary(c => c.Id, c => c.Subjects.Select(s => s.PersonId).FirstOrDefault(batch.Contains, c.Subjects[0].PersonId));
        return SharingRightMaintenance.Differing(
            expected, stored, r => personOf[r.CaseId], r => (r.CaseId, r.ReaderAgency, r.Scheme, r.Status, r.ValidFrom, r.ValidTo));
    }

    /// <summary>
    /// The cases about these people: their own, and the family cases of every household they were ever a member of
    /// (DOMAIN.md IS7b), each with all of its household's memberships as its subjects.
    /// </summary>
    private static async Task<List<CaseFacts>> FactsAsync(CaseDbContext db, PersonId[] people, CancellationToken cancellationToken)
    {
        var own = await db.Cases.AsNoTracking()
            .Where(c => c.PersonId != null && people.Contains(c.PersonId.Value))
            .Select(c => new { c.Id, PersonId = c.PersonId!.Value, c.OwnerAgency, c.DataCategory, c.Scheme, c.Status })
            .ToListAsync(cancellationToken);
        var households = db.Households.Where(h => h.Members.Any(m => people.Contains(m.PersonId))).Select(h => (HouseholdId?)h.Id);
        var family = await db.Cases.AsNoTracking()
            .Where(c => c.HouseholdId != null && households.Contains(c.HouseholdId))
            .Select(c => new { c.Id, HouseholdId = c.HouseholdId!.Value, c.OwnerAgency, c.DataCategory, c.Scheme, c.Status })
            .ToListAsync(cancellationToken);
        var householdIds = family.Select(c => c.HouseholdId).Distinct().ToList();
        var memberships = (householdIds.Count == 0
            ? []
            : await db.Households.AsNoTracking()
                .Where(h => householdIds.Contains(h.Id))
                .SelectMany(h => h.Members, (h, m) => new { h.Id, m.PersonId, m.From, m.To })
                .ToListAsync(cancellationToken))
            .ToLookup(m => m.Id, m => new CaseSubject(m.PersonId, m.From, m.To ?? DateOnly.MaxValue));
        return
        [
            .. own.Select(c => new CaseFacts(c.Id, c.PersonId, c.OwnerAgency, c.DataCategory, c.Scheme, c.Status)),
            .. family.Select(c => new CaseFacts(c.Id, [.. memberships[c.HouseholdId]], c.OwnerAgency, c.DataCategory, c.Scheme, c.Status))
                .Where(c => c.Subjects.Count > 0),
        ];
    }

    private static async Task<List<SharingRight>> RightsOfAsync(CaseDbContext db, PersonId[] people, CancellationToken cancellationToken)
    {
        List<SharingRight> rights = [];
        foreach (var batch in people.Chunk(PeoplePerBatch))
        {
            rights.AddRange(await db.SharingRights.AsNoTracking().Where(r => batch.Contains(r.PersonId)).ToListAsync(cancellationToken));
        }

        return rights;
    }

    private static async Task RebuildBatchAsync(
        CaseDbContext db,
        PersonId[] people,
        IReadOnlyDictionary<SharingAgreementId, IReadOnlySet<AgencyCode>> parties,
        CancellationToken cancellationToken,
        bool deleteFirst = true,
        HashSet<CaseId>? done = null)
    {
        var cases = await FactsAsync(db, people, cancellationToken);
        if (done is not null)
        {
            cases = [.. cases.Where(c => done.Add(c.Id))];
        }

        if (deleteFirst && cases.Count > 0)
        {
            // By case, not by person: a row's index leads with its case, and a deleted case took its rows with it.
            var caseIds = cases.Select(c => c.Id).ToList();
            await db.Set<CaseReader>().Where(r => caseIds.Contains(r.CaseId)).ExecuteDeleteAsync(cancellationToken);
        }

        // Every subject's rights: a family case's members may be outside this batch.
        var subjects = cases.SelectMany(c => c.Subjects).Select(s => s.PersonId).Distinct().ToArray();
        var rights = await RightsOfAsync(db, subjects, cancellationToken);
        var readers = CaseReader.Derive(cases, rights, parties).ToList();
        await BulkInsert.InsertAsync(db, readers, ifAbsent: false, cancellationToken);
    }
}
