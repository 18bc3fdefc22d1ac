global using Clinical.Tests.Shared;
global using Shouldly;
global using Xunit;
