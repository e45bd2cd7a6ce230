namespace CaseManager.Application.Common.Security;

/// <summary>The actor of the message being handled. Web fills it from the signed-in principal, jobs set the system actor.</summary>
public interface ICurrentUser
{
    Actor Actor { get; }
}
