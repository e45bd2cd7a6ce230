using CaseManager.Application.Common.Security;
using CaseManager.Domain.Common;

namespace CaseManager.Application.Common.Access;

/// <summary>
/// The access rule, expressed as a query predicate that EF Core translates to SQL. Today: a user reads what their
/// own agency owns. Sharing agreements, consent and break-glass extend this class, and only this class.
/// Actors without an agency (administrators of no case-holding agency still have one; the system actor does not)
/// see nothing.
/// </summary>
public sealed class RecordAccess(ICurrentUser currentUser) : IRecordAccess
{
    public IQueryable<T> Readable<T>(IQueryable<T> source)
        where T : class, IAgencyOwned
    {
        var actor = currentUser.Actor;
        if (actor.Agency is not { } agency || !Policies.Allows(Policies.ReadCaseData, actor))
        {
            return source.Where(_ => false);
        }

        return source.Where(record => record.OwnerAgency == agency);
    }
}
