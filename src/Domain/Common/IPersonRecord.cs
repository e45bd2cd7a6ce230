using CaseManager.Domain.People;

namespace CaseManager.Domain.Common;

/// <summary>A record about one person (a case, an intervention, a consent): the access rule needs to know whose.</summary>
public interface IPersonRecord : IAgencyOwned
{
    PersonId PersonId { get; }
}
