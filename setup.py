"""What pyproject.toml cannot say: the wheel carries the checkout's top-level catalog
(scenarios/, with tests/ and tracks/) and schemas/ inside the package, as
simulator/shipped/scenarios and simulator/shipped/schemas, where simulator.engine.paths finds
them in an installed copy. Every other setting is in pyproject.toml."""

from setuptools import find_namespace_packages, setup

SHIPPED = {"simulator.shipped.scenarios": "scenarios", "simulator.shipped.schemas": "schemas"}


def shipped_packages() -> list[str]:
    """Each shipped folder and its subfolders, as packages mapped onto the top-level folders."""
    packages: list[str] = []
    for package, folder in SHIPPED.items():
        packages += [package, *(f"{package}.{sub}" for sub in find_namespace_packages(folder))]
    return packages


setup(
    packages=[*find_namespace_packages(include=["simulator*", "scoring*"]), *shipped_packages()],
    package_dir=SHIPPED,
)
