using CaseManager.Domain.Common;

namespace CaseManager.Application.Common.Access;

/// <summary>
/// The one place that decides which records the current actor may read (DOMAIN.md IS7). Every list, search,
/// read and count of case data goes through <see cref="Readable{T}"/>, which adds the rule to the query itself
/// so that the database never returns a row the actor may not see: nothing is filtered in memory afterwards.
/// </summary>
public interface IRecordAccess
{
    IQueryable<T> Readable<T>(IQueryable<T> source)
        where T : class, IAgencyOwned;
}
