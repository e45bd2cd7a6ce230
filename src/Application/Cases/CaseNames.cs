using CaseManager.Application.Common.Access;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Treatment;
using CaseManager.Application.Users;
using CaseManager.Domain.Cases;
using CaseManager.Domain.People;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.Cases;

/// <summary>
/// Names shown with cases: the person's (only where the reader may see the person, decided in the query) and the
/// workers'.
/// </summary>
public sealed class CaseNames(IAppDbContext db, IRecordAccess access, IUserDirectory users, TreatmentEpisodes treatment)
{
    public async Task<IReadOnlyDictionary<PersonId, string>> PeopleAsync(IReadOnlyCollection<PersonId> personIds, CancellationToken cancellationToken)
    {
        var ids = personIds.Distinct().ToList();
        return await access.Readable(db.People.AsNoTracking())
            .Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.GivenName, p.FamilyName })
            .ToDictionaryAsync(p => p.Id, p => $"{p.GivenName} {p.FamilyName}", cancellationToken);
    }

    public async Task<CaseView> ViewAsync(Case found, RecordAccessExplanation? explanation, CancellationToken cancellationToken)
    {
        var people = found.PersonId is { } personId ? await PeopleAsync([personId], cancellationToken) : new Dictionary<PersonId, string>();
        var workers = await users.DisplayNamesAsync(CaseView.UsersNamedBy(found), cancellationToken);
        var view = CaseView.From(found, found.PersonId is { } person ? people.GetValueOrDefault(person) : null, workers, explanation);
        return await treatment.AddToAsync(view, found, workers, cancellationToken);
    }
}
