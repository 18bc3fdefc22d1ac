global using NSubstitute;
global using Shouldly;
global using Xunit;
