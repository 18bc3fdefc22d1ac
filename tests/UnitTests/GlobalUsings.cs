global using Clinical.Tests.Shared;
global using NSubstitute;
global using Shouldly;
global using Xunit;
